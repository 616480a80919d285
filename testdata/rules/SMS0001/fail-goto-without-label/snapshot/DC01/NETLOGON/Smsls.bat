@echo off
if exist c:\skip.txt goto
echo still parsed
