@echo off
:: smslint-disable-next-line SMS3001 until 2999-12-31 -- RAS users, CHG-1042
@REM smslint-disable-file SMS3002 -- DC01 runs a locally patched copy on purpose
GOTO END
REM smslint was here, this is an ordinary comment
%0\..\SNBOOT.exe
:END
