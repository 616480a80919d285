@echo off
GOTO END
REM Microsoft Systems Management Server 2.0 logon script
REM Runs Slownet, then the bootstrap (Smsboot1/Boot32wn) from the logon point.
if "%SMS_LOCAL_DIR%" == "" goto SLOWNETSERVER
%SMS_LOCAL_DIR%\MS\SMS\CORE\BIN\Slownet.exe %0
if errorlevel 1 goto END
goto BOOT
:SLOWNETSERVER
%0\..\SNBOOT.exe
if errorlevel 1 goto END
:BOOT
%0\..\SMSBOOT1.EXE
:END
