# Kaspersky Transition Helper detection script for Intune remediations and RMM
# tools (docs/it-deploy.md). It runs the check with no window, keeps the JSON
# result in Program Files\Kaspersky Transition Helper\results\<computer>.json and
# writes one summary line. Exit codes are the app's: 0 no Kaspersky to remove,
# 1 Kaspersky found (Intune then runs the remediation), 3 some checks could not
# finish, 4 the check failed or its result could not be written.
#
# It runs as SYSTEM, so the results folder must be one no standard user can
# change or make first: a user who made it first could turn it into a
# junction and have SYSTEM write or delete any file. So it is under Program
# Files, where no standard user can make a folder, and the MSI creates it locked (SYSTEM and
# Administrators only); this script creates it locked when it is missing and
# refuses it (exit 4) when it is a link or junction, is not owned by SYSTEM or
# Administrators, or lets Everyone, Authenticated Users, Users or INTERACTIVE
# add, change or delete anything in it. acl.JudgeResultFolder (platform/acl) is the same
# rule in Go; TestDetectPs1FolderRule holds both to one table.
$ErrorActionPreference = 'Stop' # every failure ends in exit 4, never in a silent exit 0
$trustedOwners = @('S-1-5-18', 'S-1-5-32-544')
$standardUsers = @('S-1-1-0', 'S-1-5-11', 'S-1-5-32-545', 'S-1-5-4')
# Write data or add files, append data or add folders, write extended attributes,
# delete what it holds, delete, change permissions, take ownership, generic all, generic write.
$userRights = 0x500D0056
$lockedSddl = 'O:SYG:SYD:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)'

function Test-ResultFolder([string]$Path) {
  $ErrorActionPreference = 'Stop' # a folder that cannot be read is refused, never passed
  $item = Get-Item -LiteralPath $Path -Force
  if (-not $item.PSIsContainer) { return 'it is not a folder' }
  if ($item.Attributes -band [IO.FileAttributes]::ReparsePoint) { return 'it is a link or junction' }
  $acl = Get-Acl -LiteralPath $Path
  $owner = $acl.GetOwner([Security.Principal.SecurityIdentifier]).Value
  if ($trustedOwners -notcontains $owner) { return "it is owned by $owner, not by SYSTEM or Administrators" }
  foreach ($ace in $acl.GetAccessRules($true, $true, [Security.Principal.SecurityIdentifier])) {
    if ($ace.AccessControlType -ne 'Allow') { continue }
    if ($ace.PropagationFlags -band [Security.AccessControl.PropagationFlags]::InheritOnly) { continue }
    if ($standardUsers -notcontains $ace.IdentityReference.Value) { continue }
    if (([int64]$ace.FileSystemRights -band $userRights) -ne 0) { return "$($ace.IdentityReference.Value) may change what it holds" }
  }
  return ''
}

# The 64-bit Program Files, where the MSI installs, also from a 32-bit
# PowerShell (RMM agents, Intune's default), whose ProgramFiles is the x86 one.
$programFiles = if ($env:ProgramW6432) { $env:ProgramW6432 } else { $env:ProgramFiles }
$exe = Join-Path $programFiles 'Kaspersky Transition Helper\KasperskyTransitionHelper.exe'
# Only the installed exe: it runs as SYSTEM, and a copy beside this script
# sits in a folder that a standard user might replace between a check and
# the start (judging that folder alone would not see a parent they may
# change). Install the MSI.
if (-not (Test-Path -LiteralPath $exe)) { Write-Output 'FAILED: KasperskyTransitionHelper.exe was not found where the MSI installs it; install the MSI; exit 4'; exit 4 }
$dir = Join-Path $programFiles 'Kaspersky Transition Helper\results'
if (-not (Test-Path -LiteralPath $dir)) {
  # Made with its locked permissions in one step, never made and then locked.
  $sec = New-Object System.Security.AccessControl.DirectorySecurity
  $sec.SetSecurityDescriptorSddlForm($lockedSddl)
  try { [IO.Directory]::CreateDirectory($dir, $sec) | Out-Null }
  catch { Write-Output "FAILED: the results folder $dir could not be made: $($_.Exception.Message); exit 4"; exit 4 }
}
try { $why = Test-ResultFolder $dir } catch { $why = "its permissions could not be read ($($_.Exception.Message))" }
if ($why) {
  Write-Output "FAILED: the results folder $dir is not safe to write as SYSTEM: $why. Delete it (or reinstall the MSI) so it is made again with SYSTEM and Administrators as its only writers; exit 4"
  exit 4
}
$out = Join-Path $dir "$env:COMPUTERNAME.json"
$log = Join-Path $dir 'last-summary.txt'
foreach ($f in @($out, $log)) {
  if ((Test-Path -LiteralPath $f) -and ((Get-Item -LiteralPath $f -Force).Attributes -band [IO.FileAttributes]::ReparsePoint)) {
    Write-Output "FAILED: $f is a link; exit 4"; exit 4
  }
}
# The exe is a GUI-subsystem program: Start-Process -Wait waits for it and
# gives its exit code; it opens no window for `scan`. The app writes the
# result and the summary line itself, each checked again as it writes
# (no link, a folder only SYSTEM and Administrators can change): this
# script, as SYSTEM, writes nothing by path.
try {
  $p = Start-Process -FilePath $exe -ArgumentList @('scan', '--json', '--output', "`"$out`"", '--summary-output', "`"$log`"") `
    -Wait -PassThru -NoNewWindow
} catch { Write-Output "FAILED: $exe could not be started: $($_.Exception.Message); exit 4"; exit 4 }
if ($null -eq $p -or $null -eq $p.ExitCode) { Write-Output "FAILED: $exe gave no exit code; exit 4"; exit 4 }
Get-Content -LiteralPath $log -Tail 1
exit $p.ExitCode
