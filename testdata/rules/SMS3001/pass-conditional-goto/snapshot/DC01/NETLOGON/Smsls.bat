@echo off
if exist c:\KeepIt12.txt goto end
REM SMS 2.0 logon script
:OK_TO_PROCEED
%0\..\SNBOOT.exe
:END
