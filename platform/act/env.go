package act

import "strings"

// The environment an elevated uninstaller gets, judged by allow-list.
//
// On Windows the elevated program's environment is believed to be built
// for the user from the system's variables and the user's profile
// (HKCU\Environment, HKCU\Volatile Environment); Wine hands the caller's
// environment on. Both are judged here, by pure rules, so each entry is
// table-tested (TestUserVariableAllowList, TestProcessVariable).

// userVariablesAnywhere may be set by the user, in HKCU\Environment or in
// HKCU\Volatile Environment, and still pass:
//   - PATH: Windows puts the user's Path after the system's, so the
//     system's own folders are searched first; every PC has one.
//   - TEMP, TMP: the user's own temporary folder; Windows sets them for
//     every account. Refusing any of the three would stop every PC. What
//     they still allow (a DLL Kaspersky's uninstaller searches for by name,
//     an uninstaller that copies itself to %TEMP%) is in docs/security.md.
var userVariablesAnywhere = []string{"PATH", "TEMP", "TMP"}

// userVariablesSet are written to HKCU\Environment by Windows' own OneDrive,
// on most Windows 10 and 11 PCs; they name the user's own folder, which no
// program reads to decide what code to load.
var userVariablesSet = []string{"OneDrive", "OneDriveConsumer", "OneDriveCommercial"}

// userVariablesLogon are the values Windows writes to HKCU\Volatile
// Environment (and its per-session subkeys) at every sign-in: the
// profile's folders and the account's names.
var userVariablesLogon = []string{"APPDATA", "LOCALAPPDATA", "USERPROFILE", "HOMEDRIVE", "HOMEPATH", "HOMESHARE",
	"LOGONSERVER", "USERDOMAIN", "USERDOMAIN_ROAMINGPROFILE", "USERDNSDOMAIN", "USERNAME", "CLIENTNAME", "SESSIONNAME"}

// Where a user-level variable is set, for judgeUserVariable.
const (
	whereUserEnvironment     = `HKCU\Environment`
	whereVolatileEnvironment = `HKCU\Volatile Environment`
)

// judgeUserVariable says why a variable the user set in the registry
// (where: whereUserEnvironment, or whereVolatileEnvironment for that key
// and its subkeys) must not reach an elevated program; "" when it is on
// the allow-list above. Everything else is refused: a variable the
// account sets reaches every program Windows starts for it, elevated
// ones included, and the next runtime's loader variable is not known yet.
func judgeUserVariable(name, where string) string {
	if containsFold(userVariablesAnywhere, name) ||
		where == whereUserEnvironment && containsFold(userVariablesSet, name) ||
		where == whereVolatileEnvironment && containsFold(userVariablesLogon, name) {
		return ""
	}
	if why := codeLoadingVariable(name); why != "" {
		return why
	}
	if containsFold(systemVariableNames, name) {
		return "takes the place of the system's own " + name
	}
	return "is not one Windows sets for every account, and every program started for it, elevated ones too, gets it"
}

// codeLoadingPrefixes are the families of variables that runtimes and the
// Windows loader read in any program that hosts them.
var codeLoadingPrefixes = []struct{ prefix, why string }{
	{"COR_", "makes .NET programs load a profiler DLL"},
	{"CORECLR_", "makes .NET programs load a profiler DLL"},
	{"COMPLUS_", "changes which runtime, JIT or profiler .NET programs load"},
	{"DOTNET_", "changes what .NET programs load (startup hooks, the runtime's folder, the JIT)"},
	{"APPDOMAIN_MANAGER_", "makes .NET Framework programs load another assembly first"},
	{"__COMPAT_LAYER", "changes how Windows starts programs (compatibility layers, elevation)"},
	{"JAVA_TOOL_OPTIONS", "makes Java programs load agents"},
	{"_JAVA_OPTIONS", "makes Java programs load agents"},
	{"JDK_JAVA_OPTIONS", "makes Java programs load agents"},
}

// codeLoadingVariable says why name makes programs load code they did not
// choose, or "".
func codeLoadingVariable(name string) string {
	n := strings.ToUpper(name)
	for _, p := range codeLoadingPrefixes {
		if strings.HasPrefix(n, p.prefix) {
			return p.why
		}
	}
	return ""
}

// systemVariableNames are the variables Windows itself defines for every
// program: the built-in folders and the system's own (set in
// HKLM\SYSTEM\CurrentControlSet\Control\Session Manager\Environment or
// computed by Windows). A user-level variable of the same name takes the
// system's place (a user-set ProgramFiles moves every path expanded with
// %ProgramFiles%, COM servers under %CommonProgramFiles% among them).
var systemVariableNames = []string{
	"ProgramFiles", "ProgramFiles(x86)", "ProgramW6432",
	"CommonProgramFiles", "CommonProgramFiles(x86)", "CommonProgramW6432",
	"ProgramData", "ALLUSERSPROFILE", "PUBLIC",
	"SystemDrive", "SystemRoot", "windir", "ComSpec", "PATHEXT", "PSModulePath", "DriverData",
	"OS", "NUMBER_OF_PROCESSORS", "PROCESSOR_ARCHITECTURE", "PROCESSOR_IDENTIFIER", "PROCESSOR_LEVEL",
	"PROCESSOR_REVISION", "COMPUTERNAME",
}

// judgeProcessVariable says why a variable of this app's own environment
// must not be handed to an elevated program (Wine hands it on; Windows is
// believed to build the elevated environment anew, which
// judgeUserVariable covers); "" when it may. machine holds the system's
// own value of each system variable it could read (upper-case names).
// A loader variable is refused; a system variable must have the machine's
// value (PATH, TEMP and TMP excepted: the user's are merged in); a system
// variable whose machine value is not known is refused. Other variables
// were set by the program that started this app (a terminal, a shell) and
// are not this account's settings.
func judgeProcessVariable(name, value string, machine map[string]string) string {
	if containsFold(userVariablesAnywhere, name) {
		return ""
	}
	if why := codeLoadingVariable(name); why != "" {
		return why
	}
	if !containsFold(systemVariableNames, name) {
		return ""
	}
	want, known := machine[strings.ToUpper(name)]
	switch {
	case !known:
		return "takes the place of the system's own " + name + ", whose value could not be read here"
	case samePath(value, want):
		return ""
	}
	return "takes the place of the system's own " + name + " (" + want + ")"
}

// expandWith replaces each %NAME% in s with vars' value (upper-case
// names), leaving unknown names as they are.
func expandWith(s string, vars map[string]string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i+1:], '%')
		if j < 0 {
			break
		}
		name := s[i+1 : i+1+j]
		v, ok := vars[strings.ToUpper(name)]
		if !ok || strings.Contains(v, "%") {
			b.WriteString(s[:i+2+j])
		} else {
			b.WriteString(s[:i] + v)
		}
		s = s[i+2+j:]
	}
	b.WriteString(s)
	return b.String()
}
