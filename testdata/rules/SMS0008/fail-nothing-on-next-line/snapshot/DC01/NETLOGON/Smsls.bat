@echo off
REM smslint-disable-next-line SMS3001 -- RAS exception during the SP2 rollout
%0\..\SNBOOT.exe
:END
