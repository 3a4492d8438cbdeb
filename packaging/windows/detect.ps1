# Kaspersky Transition Helper detection script for Intune remediations and RMM
# tools (docs/it-deploy.md). It runs the check with no window, keeps the JSON
# result in $env:ProgramData\KasperskyTransitionHelper\<computer>.json and
# writes one summary line. Exit codes are the app's: 0 no Kaspersky to remove,
# 1 Kaspersky found (Intune then runs the remediation), 3 some checks could not
# finish, 4 the check failed or its result could not be written.
$exe = Join-Path $env:ProgramFiles 'Kaspersky Transition Helper\KasperskyTransitionHelper.exe'
if (-not (Test-Path -LiteralPath $exe)) { $exe = Join-Path $PSScriptRoot 'KasperskyTransitionHelper.exe' }
if (-not (Test-Path -LiteralPath $exe)) { Write-Output 'FAILED: KasperskyTransitionHelper.exe was not found; exit 4'; exit 4 }
$dir = Join-Path $env:ProgramData 'KasperskyTransitionHelper'
New-Item -ItemType Directory -Force -Path $dir | Out-Null
$out = Join-Path $dir "$env:COMPUTERNAME.json"
$log = Join-Path $dir 'last-summary.txt'
# The exe is a GUI-subsystem program: Start-Process -Wait waits for it and
# gives its exit code; it opens no window for `scan`.
$p = Start-Process -FilePath $exe -ArgumentList @('scan', '--json', '--output', "`"$out`"", '--summary') `
  -Wait -PassThru -NoNewWindow -RedirectStandardOutput $log
Get-Content -LiteralPath $log -Tail 1
exit $p.ExitCode
