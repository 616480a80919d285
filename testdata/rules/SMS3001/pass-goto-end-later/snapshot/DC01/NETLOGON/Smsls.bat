@echo off
%0\..\SNBOOT.exe
goto END
REM SMS 2.0 logon script
:OK_TO_PROCEED
%0\..\SNBOOT.exe
:END
