@echo off
REM Domain logon script for the sales department
net use h: \\FILES01\home /yes
if exist c:\KeepIt12.txt goto end
call %0\..\smsls
net time \\DC01 /set /yes
