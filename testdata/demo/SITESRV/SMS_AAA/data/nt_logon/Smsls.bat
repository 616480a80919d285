@echo off
REM Microsoft Systems Management Server 2.0 logon script
REM Modifié par l'équipe réseau (Société Exemple)
if exist c:\KeepIt12.txt goto end
:OK_TO_PROCEED
%0\..\SNBOOT.exe
if errorlevel 1 goto SLOWNETSERVER
goto END
:SLOWNETSERVER
echo Slow network detected, SMS installation skipped.
:END
