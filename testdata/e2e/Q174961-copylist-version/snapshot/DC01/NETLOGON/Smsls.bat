@echo off
REM Microsoft Systems Management Server logon script (SMS 1.2)
REM Brauerei Schöneberg – Q161412-Anpassung (PATH mit Leerzeichen) eingebaut
:START
REM Check to see if we can save path and reserve the necessary environment
REM space before continuing.
set SMS_P=%PATH%
set SMS_TEMP=123456789012345678901234567890123456789012345
if "%SMS_TEMP%"=="123456789012345678901234567890123456789012345" goto FIND_OS
goto LOW_ENV

:FIND_OS
set SMS_TEMP=
set SMS_BIN=x86.bin
if "%OS%" == "Windows_NT" goto RUN_NT
set SMS_OS=16
goto RUN_FROM

:RUN_FROM
if not "%OS%" == "Windows_NT" set PATH=%0\..;%0\..\%SMS_BIN%;"%PATH%"
REM SNET_DOS
%0\..\netspeed
if not errorlevel 1 goto NET_DOS
if not errorlevel 2 goto END
if errorlevel 2 %0\..\choice /T:Y,30 Slow network detected. Continue
if not errorlevel 2 goto NET_DOS
goto END

:NET_DOS
:RUN_DOS
if not exist %0\..\%SMS_BIN%\setls%SMS_OS%.exe goto NOPATHARG0
setls%SMS_OS% -m:E -i -p:%SMS_BIN%\CLI_DOS.EXE -pa:/p:%%SMS_UNC%%\ -pa:%SMS_VERBOSE% %SMS_VERBOSE%
setls%SMS_OS% -m:E -i -p:%SMS_BIN%\INVDOS.EXE -pa:/l:%%SMS_UNC%%\ -pa:/i -pa:%SMS_VERBOSE% %SMS_VERBOSE%
goto RESTORE

:RUN_NT
set SMS_OS=32
if not exist %0\..\%SMS_BIN%\setls32.exe goto NOPATHARG0
%0\..\%SMS_BIN%\setls32 -m:E -i -p:%SMS_BIN%\CLI_NT.EXE -pa:/p:%%SMS_UNC%%\ -pa:%SMS_VERBOSE% %SMS_VERBOSE%
%0\..\%SMS_BIN%\setls32 -m:E -i -p:%SMS_BIN%\INVWIN32.EXE -pa:/l:%%SMS_UNC%%\ -pa:/i -pa:%SMS_VERBOSE% %SMS_VERBOSE%
goto RESTORE

:NOPATHARG0
echo The Systems Management Server logon files were not found next to this script.
goto RESTORE

:LOW_ENV
echo Not enough environment space to run the Systems Management Server logon script.
goto END

:RESTORE
REM Restore the previous path setting.
PATH="%SMS_P%"
goto END

:END
set SMS_P=
set SMS_OS=
set SMS_BIN=
set SMS_VERBOSE=
if errorlevel 1 if  "%OS%"=="Windows_NT" %0\..\clrlevel
if errorlevel 1 if not "%OS%"=="Windows_NT" %0\..\clrlevel
