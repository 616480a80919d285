@echo off
REM Microsoft Systems Management Server (start)
REM SMS Build 786
:START
set SMS_P=%PATH%
if "%OS%" == "Windows_NT" goto RUN_NT
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
set SMS_BIN=x86.bin
if not exist %0\..\%SMS_BIN%\setls%SMS_OS%.exe goto RESTORE
%0\..\%SMS_BIN%\setls%SMS_OS% -m:E -i -p:%SMS_BIN%\CLI_DOS.EXE
goto RESTORE
:RUN_NT
%0\..\check20 /v
if errorlevel 1 goto RUN_NT_2
goto RESTORE
:RUN_NT_2
set SMS_OS=32
set SMS_BIN=x86.bin
%0\..\%SMS_BIN%\setls%SMS_OS% -m:E -i -p:%SMS_BIN%\CLI_NT.EXE
:RESTORE
REM Restore the previous path setting.
PATH=%SMS_P%
:END
set SMS_OS=
set SMS_BIN=
if errorlevel 1 if  "%OS%"=="Windows_NT" clrlevel
if errorlevel 1 if not "%OS%"=="Windows_NT" %0\..\clrlevel
REM Microsoft Systems Management Server (end)
