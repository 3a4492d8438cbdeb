package platform

import (
	"errors"
	"strings"
)

// ErrClassOverride means this account's own registry (HKCU\Software\Classes)
// changes how Windows starts programs, so the administrator prompt could
// run something other than the verified program. Nothing was started.
var ErrClassOverride = errors.New("this account's registry changes how Windows starts programs")

// ErrUnsafeEnvironment means an environment variable of this account would
// make an elevated program load code it did not choose (a .NET profiler, a
// runtime from another folder, another command interpreter). Nothing was
// started.
var ErrUnsafeEnvironment = errors.New("this account's environment would load other code into the elevated program")

// UnsafeSettingError names the per-user settings that made an elevated
// start refuse, so a door can say what to remove. errors.Is matches Err:
// ErrClassOverride or ErrUnsafeEnvironment.
type UnsafeSettingError struct {
	Err error
	// Settings lists each one: a registry key (HKCU\...), or a variable's
	// name and where it is set.
	Settings []string
}

func (e *UnsafeSettingError) Error() string {
	return e.Err.Error() + ": " + strings.Join(e.Settings, "; ")
}

// Unwrap gives the sentinel.
func (e *UnsafeSettingError) Unwrap() error { return e.Err }

// CheckElevatedStart says whether this account's settings would let
// another program ride on an elevated start: on Windows the class keys of
// HKCU that change what ShellExecuteEx("runas") runs for a program, and the
// variables (in this process, HKCU\Environment or HKCU\Volatile
// Environment) that make programs load other code. It returns an
// *UnsafeSettingError, or nil. Every elevated start checks it; the removal
// flow also asks before the question. Outside Windows it returns nil.
func CheckElevatedStart() error { return checkElevatedStart() }

// dotnetHarmless are the DOTNET_ variables of the .NET SDK's own command
// line that change nothing a program loads.
var dotnetHarmless = []string{"DOTNET_NOLOGO", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE", "DOTNET_GENERATE_ASPNET_CERTIFICATE",
	"DOTNET_ADD_GLOBAL_TOOLS_TO_PATH"}

// unsafeVariable says why a variable, inherited by an elevated program,
// would make it load code it did not choose; "" when it would not. winDir
// is this Windows' own folder (GetWindowsDirectory). The rule is
// deliberately wide for the runtimes' settings (every COR_, CORECLR_ and
// COMPlus_ variable, every DOTNET_ one but the SDK's own): the .NET runtimes
// read them in any program that hosts them, an uninstaller included.
func unsafeVariable(name, value, winDir string) string {
	n := strings.ToUpper(name)
	switch {
	case strings.HasPrefix(n, "COR_"), strings.HasPrefix(n, "CORECLR_"):
		return "makes .NET programs load a profiler DLL"
	case strings.HasPrefix(n, "COMPLUS_"):
		return "changes which runtime, JIT or profiler .NET programs load"
	case strings.HasPrefix(n, "DOTNET_") && !strings.HasPrefix(n, "DOTNET_CLI_") && !strings.HasPrefix(n, "DOTNET_WATCH_") &&
		!containsFold(dotnetHarmless, n):
		return "changes what .NET programs load (startup hooks, the runtime's folder, the JIT)"
	case n == "JAVA_TOOL_OPTIONS", n == "_JAVA_OPTIONS", n == "JDK_JAVA_OPTIONS":
		return "makes Java programs load agents"
	case n == "COMSPEC":
		if winDir != "" && samePath(value, winDir+`\System32\cmd.exe`) {
			return ""
		}
		return "names another command interpreter"
	case n == "WINDIR", n == "SYSTEMROOT":
		if winDir != "" && samePath(value, winDir) {
			return ""
		}
		return "moves where programs look for Windows' own files"
	}
	return ""
}

func containsFold(list []string, s string) bool {
	for _, l := range list {
		if strings.EqualFold(l, s) {
			return true
		}
	}
	return false
}

// samePath compares two Windows paths as Windows does: case-insensitive,
// either slash, no trailing separator.
func samePath(a, b string) bool {
	clean := func(p string) string {
		return strings.TrimRight(strings.ReplaceAll(strings.TrimSpace(p), "/", `\`), `\`)
	}
	return strings.EqualFold(clean(a), clean(b))
}
