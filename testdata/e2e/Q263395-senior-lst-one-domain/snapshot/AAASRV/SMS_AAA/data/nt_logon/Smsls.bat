@echo off
REM Microsoft Systems Management Server 2.0 logon script
REM Fabrikam: users who must stay on SMS 1.2 create c:\KeepIt12.txt (Q199237).
if exist c:\KeepIt12.txt goto end
:OK_TO_PROCEED
%0\..\SNBOOT.exe
if errorlevel 1 goto SLOWNETSERVER
goto END
:SLOWNETSERVER
echo Slow network link: SMS client installation postponed.
:END
