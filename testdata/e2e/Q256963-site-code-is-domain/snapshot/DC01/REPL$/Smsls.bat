@echo off
REM Microsoft Systems Management Server 2.0 logon script
REM Fabrikam: laptops keep their client until they are back on the LAN (Q199237).
if exist c:\KeepIt12.txt goto end
:OK_TO_PROCEED
%0\..\SNBOOT.exe
if errorlevel 1 goto SLOWNETSERVER
goto END
:SLOWNETSERVER
echo Réseau lent : l'installation SMS est reportée.
:END
