package doctor

import "slices"

// Kind is one check on the doctor's list.
type Kind struct {
	// ID is the check's id in the JSON (docs/doctor-json.md), stable across
	// versions. ProbeID stands for one check per probe of the scan.
	ID string
	// Name is a short English name for it, as the README says it.
	Name string
	// Systems are the systems (GOOS) it is made on; none: every system.
	Systems []string
	run     func(*doctor)
}

// ProbeID is the list's id for the checks of the scan's probes: each one's
// id is "probe." and the probe's name.
const ProbeID = "probe.NAME"

// On reports whether the check is made on goos.
func (k Kind) On(goos string) bool { return len(k.Systems) == 0 || slices.Contains(k.Systems, goos) }

const (
	windows = "windows"
	darwin  = "darwin"
	linux   = "linux"
)

// Checks is every check the doctor makes, in the order it makes them: the
// one list Run follows. The README names each by its Name
// (readme_test.go), docs/doctor-json.md's table has each id (list_test.go),
// and `--help` prints the ids (app/cli, TestHelpNamesEveryCheck).
var Checks = []Kind{
	{ID: "system", Name: "the system and its version", run: (*doctor).system},
	{ID: ProbeID, Name: "each probe of the scan", run: (*doctor).probes},
	{ID: "security-center", Name: "Security Center's products", Systems: []string{windows}, run: (*doctor).securityCenter},
	{ID: "msiexec-trust", Name: "how Windows' own msiexec is trusted", Systems: []string{windows}, run: (*doctor).msiexec},
	{ID: "admin-only.program-files", Name: "whether Program Files is administrators-only", Systems: []string{windows}, run: (*doctor).programFilesAdminOnly},
	{ID: "admin-only.system32", Name: "whether System32 is administrators-only", Systems: []string{windows}, run: (*doctor).system32AdminOnly},
	{ID: "class-overrides", Name: "whether the user's class keys change how programs start", Systems: []string{windows}, run: (*doctor).classOverrides},
	{ID: "xprotect", Name: "both XProtect bundles", Systems: []string{darwin}, run: (*doctor).xprotect},
	{ID: "xprotect-command", Name: "xprotect version", Systems: []string{darwin}, run: (*doctor).xprotectCommand},
	{ID: "gatekeeper", Name: "Gatekeeper", Systems: []string{darwin}, run: (*doctor).gatekeeper},
	{ID: "codesign", Name: "codesign", Systems: []string{darwin}, run: (*doctor).codesign},
	{ID: "applications-owner", Name: "the owner of /Applications", Systems: []string{darwin}, run: (*doctor).applications},
	{ID: "package-tools", Name: "the package tools", Systems: []string{linux}, run: (*doctor).packageTools},
	{ID: "pkexec", Name: "pkexec", Systems: []string{linux}, run: (*doctor).pkexec},
	{ID: "app-location", Name: "where the app runs from", run: (*doctor).appLocation},
	{ID: "opengl", Name: "OpenGL 2.1 for the window", run: (*doctor).openGL},
	{ID: "ui-automation", Name: "UI Automation", Systems: []string{windows}, run: (*doctor).uiAutomation},
}
