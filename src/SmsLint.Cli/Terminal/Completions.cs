namespace SmsLint.Cli.Terminal;

/// <summary>
/// Shell completion scripts for `smslint completions bash|zsh|pwsh`. Each asks smslint itself
/// through System.CommandLine's [suggest:POSITION] directive (the protocol dotnet-suggest uses), so
/// completions always match the installed version; where smslint offers nothing (a snapshot path)
/// the shell completes file names.
/// </summary>
public static class Completions
{
    public static readonly string[] Shells = ["bash", "zsh", "pwsh"];

    public static string Script(string shell) => shell switch
    {
        "bash" => Bash,
        "zsh" => Zsh,
        "pwsh" => Pwsh,
        _ => throw new ArgumentOutOfRangeException(nameof(shell), shell, "unknown shell"),
    };

    private const string Bash = """
        # smslint completion for bash. Load it with:  eval "$(smslint completions bash)"  (e.g. in ~/.bashrc)
        _smslint_complete() {
          local IFS=$'\n'
          local line="${COMP_LINE:0:COMP_POINT}"
          COMPREPLY=($(command smslint "[suggest:${#line}]" "$line" 2>/dev/null))
          if [ ${#COMPREPLY[@]} -eq 0 ]; then
            COMPREPLY=($(compgen -f -- "${COMP_WORDS[COMP_CWORD]}"))
          fi
        }
        complete -o filenames -F _smslint_complete smslint

        """;

    private const string Zsh = """
        #compdef smslint
        # smslint completion for zsh. Load it with:  eval "$(smslint completions zsh)"  (after compinit, e.g. in ~/.zshrc)
        _smslint() {
          local line="${words[1,CURRENT]}"
          local -a candidates
          candidates=("${(@f)$(command smslint "[suggest:${#line}]" "$line" 2>/dev/null)}")
          if (( ${#candidates} )) && [[ -n "${candidates[1]}" ]]; then
            compadd -a candidates
          else
            _files
          fi
        }
        compdef _smslint smslint

        """;

    private const string Pwsh = """
        # smslint completion for PowerShell. Load it with:  smslint completions pwsh | Out-String | Invoke-Expression  (e.g. in $PROFILE)
        Register-ArgumentCompleter -Native -CommandName smslint -ScriptBlock {
            param($wordToComplete, $commandAst, $cursorPosition)
            $line = $commandAst.Extent.Text
            $position = $cursorPosition - $commandAst.Extent.StartOffset
            if ($position -gt $line.Length) { $line = $line.PadRight($position) }
            $line = $line.Substring(0, $position)
            & smslint "[suggest:$position]" "$line" 2>$null | ForEach-Object {
                [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
            }
        }

        """;
}
