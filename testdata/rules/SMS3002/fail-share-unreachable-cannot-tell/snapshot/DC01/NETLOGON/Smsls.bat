@echo off
REM Microsoft Systems Management Server 2.0 logon script
REM Runs Slownet, then the bootstrap (Smsboot1/Boot32wn) from the logon point.
if "%SMS_LOCAL_DIR%" == "" goto SLOWNETTEMP
if not exist %SMS_LOCAL_DIR%\MS\SMS\CORE\BIN\Slownet.exe goto SLOWNETUSER
:OK_TO_PROCEED
%SMS_LOCAL_DIR%\MS\SMS\CORE\BIN\Slownet.exe %0
if errorlevel 1 goto END
goto BOOT
:SLOWNETUSER
if not exist %SMS_LOCAL_DIR_USER%\MS\SMS\CORE\BIN\Slownet.exe goto SLOWNETTEMP
%SMS_LOCAL_DIR_USER%\MS\SMS\CORE\BIN\Slownet.exe %0
if errorlevel 1 goto END
goto BOOT
:SLOWNETTEMP
if not exist %TEMP%\Slownet.exe goto SLOWNETSERVER
%TEMP%\Slownet.exe %0
if errorlevel 1 goto END
goto BOOT
:SLOWNETSERVER
%0\..\SNBOOT.exe
if errorlevel 1 goto END
:BOOT
%0\..\SMSBOOT1.EXE
:END	
