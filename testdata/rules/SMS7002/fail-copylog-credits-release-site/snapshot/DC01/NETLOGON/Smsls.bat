@echo off
REM Microsoft Systems Management Server 2.0 logon script
%0\..\SNBOOT.exe
if errorlevel 1 goto END
%0\..\SMSBOOT1.EXE
:END
