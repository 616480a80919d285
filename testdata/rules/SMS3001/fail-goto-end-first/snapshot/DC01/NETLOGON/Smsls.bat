@echo off
REM disabled for the SP2 rollout

GOTO END
REM SMS 2.0 logon script
:OK_TO_PROCEED
%0\..\SNBOOT.exe
:END
