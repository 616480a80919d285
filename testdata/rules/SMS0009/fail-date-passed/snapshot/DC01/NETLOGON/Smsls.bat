@echo off
REM smslint-disable-next-line SMS3001 until 2001-01-31 -- RAS exception during the SP2 rollout
GOTO END
%0\..\SNBOOT.exe
:END
