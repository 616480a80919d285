@echo off
REM smslint-disable-next-line SMS3001
GOTO END
REM SMS 2.0 logon script
%0\..\SNBOOT.exe
:END
