@echo off
REM SMS logon script
