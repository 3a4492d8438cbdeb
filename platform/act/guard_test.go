package act

import (
	"strings"
	"testing"
)

// TestUserVariableAllowList: a variable the user set in the registry passes
// only when the allow-list names it for that place. Every entry of the
// allow-list is here by name (taking one out of the code fails a case),
// and so is one variable of each kind the attacker planted.
func TestUserVariableAllowList(t *testing.T) {
	const env, vol = whereUserEnvironment, whereVolatileEnvironment
	for _, tt := range []struct {
		name, where string
		allowed     bool
		why         string // a word the refusal must say
	}{
		// Allowed everywhere: every PC has them.
		{"Path", env, true, ""}, {"PATH", vol, true, ""}, {"TEMP", env, true, ""}, {"TMP", env, true, ""},
		{"temp", vol, true, ""}, {"Tmp", vol, true, ""},
		// OneDrive's, in HKCU\Environment only.
		{"OneDrive", env, true, ""}, {"OneDriveConsumer", env, true, ""}, {"OneDriveCommercial", env, true, ""},
		{"OneDrive", vol, false, "not one Windows sets"},
		// What Windows writes at sign-in, in Volatile Environment only.
		{"APPDATA", vol, true, ""}, {"LOCALAPPDATA", vol, true, ""}, {"USERPROFILE", vol, true, ""},
		{"HOMEDRIVE", vol, true, ""}, {"HOMEPATH", vol, true, ""}, {"HOMESHARE", vol, true, ""},
		{"LOGONSERVER", vol, true, ""}, {"USERDOMAIN", vol, true, ""}, {"USERDOMAIN_ROAMINGPROFILE", vol, true, ""},
		{"USERNAME", vol, true, ""}, {"CLIENTNAME", vol, true, ""}, {"SESSIONNAME", vol, true, ""},
		{"USERDNSDOMAIN", vol, true, ""}, // a domain sign-in writes it: without it every domain PC is refused
		{"LOCALAPPDATA", env, false, "not one Windows sets"}, {"USERPROFILE", env, false, "not one Windows sets"},
		// Planted by the attacker's read: refused, with the reason.
		{"ProgramFiles", env, false, "system's own ProgramFiles"},
		{"CommonProgramFiles", env, false, "system's own CommonProgramFiles"},
		{"CommonProgramFiles(x86)", vol, false, "system's own"},
		{"ProgramData", env, false, "system's own"}, {"SystemRoot", env, false, "system's own"},
		{"windir", env, false, "system's own"}, {"ComSpec", env, false, "system's own"},
		{"PATHEXT", env, false, "system's own"}, {"SystemDrive", vol, false, "system's own"},
		{"__COMPAT_LAYER", env, false, "compatibility layers"},
		{"APPDOMAIN_MANAGER_ASM", env, false, "another assembly"}, {"APPDOMAIN_MANAGER_TYPE", env, false, "another assembly"},
		{"COR_PROFILER", env, false, "profiler"}, {"COR_ENABLE_PROFILING", vol, false, "profiler"},
		{"CORECLR_PROFILER_PATH", env, false, "profiler"}, {"COMPlus_InstallRoot", env, false, "runtime"},
		{"DOTNET_STARTUP_HOOKS", env, false, "startup hooks"}, {"DOTNET_CLI_TELEMETRY_OPTOUT", env, false, ".NET"},
		{"JAVA_TOOL_OPTIONS", env, false, "Java"}, {"_JAVA_OPTIONS", env, false, "Java"}, {"JDK_JAVA_OPTIONS", env, false, "Java"},
		// Anything else: not on the list, so refused (the next runtime's variable).
		{"GOPATH", env, false, "not one Windows sets"}, {"PYTHONPATH", env, false, "not one Windows sets"},
	} {
		why := judgeUserVariable(tt.name, tt.where)
		if (why == "") != tt.allowed || !strings.Contains(why, tt.why) {
			t.Errorf("%s in %s: %q, want allowed %v (%q)", tt.name, tt.where, why, tt.allowed, tt.why)
		}
	}
}

// TestProcessVariable: this app's own environment (which Wine hands to the
// elevated program) may hold what the program that started it set, but no
// loader variable and no system variable other than the machine's.
func TestProcessVariable(t *testing.T) {
	machine := map[string]string{"PROGRAMFILES": `C:\Program Files`, "COMMONPROGRAMFILES": `C:\Program Files\Common Files`,
		"SYSTEMROOT": `C:\Windows`, "WINDIR": `C:\Windows`, "COMSPEC": `C:\Windows\system32\cmd.exe`, "PATHEXT": ".COM;.EXE;.BAT"}
	for _, tt := range []struct {
		name, value string
		allowed     bool
	}{
		{"PATH", `C:\Windows\system32;C:\Users\ann\AppData\Local\Microsoft\WindowsApps`, true},
		{"TEMP", `C:\Users\ann\AppData\Local\Temp`, true}, {"TMP", `C:\Users\ann\AppData\Local\Temp`, true},
		{"ProgramFiles", `C:\PROGRAM FILES\`, true}, {"ProgramFiles", `C:\Users\ann\pf`, false},
		{"CommonProgramFiles", `C:\Users\ann\cf`, false}, {"CommonProgramFiles", `c:/program files/common files`, true},
		{"windir", `C:\Windows\`, true}, {"windir", `C:\Users\ann\win`, false},
		{"SystemRoot", `c:/windows`, true}, {"ComSpec", `C:\WINDOWS\system32\cmd.exe`, true},
		{"COMSPEC", `C:\Users\ann\cmd.exe`, false}, {"PATHEXT", ".COM;.EXE;.BAT", true}, {"PATHEXT", ".COM;.EXE;.BAT;.X", false},
		{"ProgramData", `C:\ProgramData`, false}, // its machine value unknown here
		{"COR_PROFILER", "{32E2F4DA-1BEA-47EA-88F9-C5DAF691C94A}", false}, {"cor_profiler_path_64", `C:\x.dll`, false},
		{"CORECLR_PROFILER_PATH", `C:\x.dll`, false}, {"COMPlus_InstallRoot", `C:\clr`, false},
		{"DOTNET_STARTUP_HOOKS", `C:\hook.dll`, false}, {"APPDOMAIN_MANAGER_ASM", "x", false},
		{"__COMPAT_LAYER", "RunAsInvoker", false}, {"JAVA_TOOL_OPTIONS", "-agentpath:x.dll", false},
		{"_JAVA_OPTIONS", "x", false}, {"JDK_JAVA_OPTIONS", "x", false},
		{"PROMPT", "$P$G", true}, {"WT_SESSION", "x", true}, {"CORE", "x", true}, {"OneDrive", `C:\Users\ann\OneDrive`, true},
	} {
		if got := judgeProcessVariable(tt.name, tt.value, machine) == ""; got != tt.allowed {
			t.Errorf("%s=%s: allowed %v, want %v", tt.name, tt.value, got, tt.allowed)
		}
	}
}

// TestSystemVariableNames: every system variable is refused from the
// user's registry by name (one case per entry: taking one out of the list
// fails here).
func TestSystemVariableNames(t *testing.T) {
	for _, n := range []string{"ProgramFiles", "ProgramFiles(x86)", "ProgramW6432", "CommonProgramFiles",
		"CommonProgramFiles(x86)", "CommonProgramW6432", "ProgramData", "ALLUSERSPROFILE", "PUBLIC", "SystemDrive",
		"SystemRoot", "windir", "ComSpec", "PATHEXT", "PSModulePath", "DriverData", "OS", "NUMBER_OF_PROCESSORS",
		"PROCESSOR_ARCHITECTURE", "PROCESSOR_IDENTIFIER", "PROCESSOR_LEVEL", "PROCESSOR_REVISION", "COMPUTERNAME"} {
		if why := judgeUserVariable(n, whereVolatileEnvironment); !strings.Contains(why, "system's own "+n) {
			t.Errorf("%s: %q", n, why)
		}
		if why := judgeProcessVariable(n, `C:\x`, map[string]string{}); !strings.Contains(why, "system's own "+n) {
			t.Errorf("%s in the process: %q", n, why)
		}
	}
}

func TestExpandWith(t *testing.T) {
	vars := map[string]string{"SYSTEMROOT": `C:\Windows`, "SYSTEMDRIVE": "C:"}
	for in, want := range map[string]string{
		`%SystemRoot%\system32\cmd.exe`: `C:\Windows\system32\cmd.exe`,
		`%SystemDrive%\ProgramData`:     `C:\ProgramData`,
		`%USERPROFILE%\x`:               `%USERPROFILE%\x`, // never this process's value
		`50%`:                           `50%`,
	} {
		if got := expandWith(in, vars); got != want {
			t.Errorf("%s: %s, want %s", in, got, want)
		}
	}
}
