@echo off
if "%1" == "" goto :eof
if /i "%1" == "nt" goto run_nt
goto %LOGON_TARGET%
:RUN_NT
call %0\..\smsls
GOTO End
:end
