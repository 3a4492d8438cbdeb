package platform

import (
	"errors"
	"strings"
	"testing"
)

func TestUnsafeVariable(t *testing.T) {
	const win = `C:\Windows`
	for _, tt := range []struct {
		name, value string
		unsafe      bool
	}{
		{"COR_ENABLE_PROFILING", "1", true},
		{"COR_PROFILER", "{32E2F4DA-1BEA-47EA-88F9-C5DAF691C94A}", true},
		{"cor_profiler_path_64", `C:\Users\ann\AppData\Local\x.dll`, true},
		{"CORECLR_PROFILER_PATH", `C:\x.dll`, true},
		{"COMPlus_InstallRoot", `C:\Users\ann\clr`, true},
		{"DOTNET_STARTUP_HOOKS", `C:\Users\ann\hook.dll`, true},
		{"DOTNET_ROOT", `C:\Users\ann\dotnet`, true},
		{"DOTNET_CLI_TELEMETRY_OPTOUT", "1", false},
		{"DOTNET_NOLOGO", "1", false},
		{"JAVA_TOOL_OPTIONS", "-agentpath:x.dll", true},
		{"ComSpec", `C:\WINDOWS\system32\cmd.exe`, false},
		{"COMSPEC", `C:\Users\ann\cmd.exe`, true},
		{"windir", `C:\Windows\`, false},
		{"windir", `C:\Users\ann\win`, true},
		{"SystemRoot", `c:/windows`, false},
		{"PATH", `C:\Windows\system32;C:\Users\ann\AppData\Local\Microsoft\WindowsApps`, false},
		{"TEMP", `C:\Users\ann\AppData\Local\Temp`, false},
		{"CORE", "x", false},
		{"OneDrive", `C:\Users\ann\OneDrive`, false},
	} {
		if got := unsafeVariable(tt.name, tt.value, win) != ""; got != tt.unsafe {
			t.Errorf("%s=%s: unsafe %v, want %v", tt.name, tt.value, got, tt.unsafe)
		}
	}
}

func TestUnsafeSettingError(t *testing.T) {
	err := error(&UnsafeSettingError{Err: ErrClassOverride, Settings: []string{`HKCU\Software\Classes\exefile\shell`}})
	if !errors.Is(err, ErrClassOverride) || errors.Is(err, ErrUnsafeEnvironment) {
		t.Errorf("errors.Is: %v", err)
	}
	var u *UnsafeSettingError
	if !errors.As(err, &u) || !strings.Contains(err.Error(), `exefile\shell`) {
		t.Errorf("errors.As or text: %v", err)
	}
}
