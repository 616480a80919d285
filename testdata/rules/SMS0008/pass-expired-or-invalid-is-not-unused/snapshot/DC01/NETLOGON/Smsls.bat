@echo off
REM smslint-disable-next-line SMS3001 until 2001-01-31 -- RAS exception during the SP2 rollout
REM smslint-disable-next-line SMS3001
%0\..\SNBOOT.exe
:END
