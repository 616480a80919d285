@echo off
REM Microsoft Systems Management Server (SMS) logon script
REM SMS Build 786
:START
REM Check to see if we can save path and reserve the necessary environment
REM space before continuing.
set SMS_P=%PATH%
if "%SMS_P%" == "" goto LOW_ENV
:RUN_FROM
set SMS_BIN=x86.bin
set SMS_VERBOSE=
if not "%OS%" == "Windows_NT" set PATH=%0\..;%0\..\%SMS_BIN%;%PATH%
if "%OS%" == "Windows_NT" goto RUN_NT
:RUN_DOS
REM call checkver to verify this is a supported OS for 2.0
%0\..\checkver
if errorlevel 1 goto RUN_DOS_2
REM call to check20 to check if this is a 2.0 client
%0\..\check20
if errorlevel 1 goto RUN_DOS_2
REM This is an SMS 2.0 Client skip processing
goto RESTORE
:RUN_DOS_2
set SMS_OS=16
if not exist %0\..\%SMS_BIN%\setls%SMS_OS%.exe goto NOPATHARG0
%0\..\%SMS_BIN%\setls%SMS_OS% -m:E -i -p:%SMS_BIN%\CLI_DOS.EXE -pa:/p:%%SMS_UNC%%\ -pa:%SMS_VERBOSE% %SMS_VERBOSE%
goto RESTORE
:NOPATHARG0
setls%SMS_OS% -m:E -i -p:%SMS_BIN%\CLI_DOS.EXE -pa:/p:%%SMS_UNC%%\ -pa:%SMS_VERBOSE% %SMS_VERBOSE%
goto RESTORE
:RUN_NT
%0\..\check20 /i
if errorlevel 2 goto RUN_NT_2
goto RESTORE
:RUN_NT_2
set SMS_OS=32
%0\..\%SMS_BIN%\setls%SMS_OS% -m:E -i -p:%SMS_BIN%\CLI_NT.EXE -pa:/p:%%SMS_UNC%%\ -pa:%SMS_VERBOSE% %SMS_VERBOSE%
goto RESTORE
:LOW_ENV
echo Not enough environment space to run the SMS logon script.
goto END
:RESTORE
REM Restore the previous path setting.
PATH=%SMS_P%
:END
set SMS_OS=
set SMS_BIN=
set SMS_VERBOSE=
set SMS_P=
if errorlevel 1 if  "%OS%"=="Windows_NT" clrlevel
if errorlevel 1 if not "%OS%"=="Windows_NT" %0\..\clrlevel
