package act

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"

	"transitionhelper/platform"
)

// findClassOverrides returns the HKCU keys of platform.GuardedClassKeys
// that are set.
func findClassOverrides() []string {
	var found []string
	for _, o := range platform.GuardedClassKeys() {
		k, err := registry.OpenKey(registry.CURRENT_USER, o.Path, registry.QUERY_VALUE)
		if errors.Is(err, registry.ErrNotExist) {
			continue
		}
		if err != nil {
			// The user owns HKCU and may lock a key against himself;
			// the elevated side may still read it. Unreadable is set.
			found = append(found, fmt.Sprintf(`HKCU\%s (could not be read: %v)`, o.Path, err))
			continue
		}
		v, _, verr := k.GetStringValue("")
		k.Close()
		switch {
		case !o.DefaultValue:
			found = append(found, `HKCU\`+o.Path)
		case verr == nil && v != "":
			found = append(found, fmt.Sprintf(`HKCU\%s (default value %q)`, o.Path, v))
		}
	}
	return found
}

// userEnvironments are where a standard user sets variables that Windows
// builds a program's environment from.
var userEnvironments = []struct{ path, where string }{
	{`Environment`, whereUserEnvironment},
	{`Volatile Environment`, whereVolatileEnvironment},
}

// dotNetFrameworkKey holds .NET Framework settings read by every .NET
// Framework program, an elevated one included: a profiler (COR_PROFILER,
// COR_ENABLE_PROFILING) and the runtime's other settings (the COMPlus_
// ones, named without their prefix). Nothing there is needed: every value
// refuses the start.
const dotNetFrameworkKey = `Software\Microsoft\.NETFramework`

// findUnsafeVariables returns the variables, with where each is set, that
// must not reach an elevated program: in the user's registry by the
// allow-list of judgeUserVariable (Windows builds a new environment for
// the elevated program from it), every value of HKCU\Software\Microsoft\
// .NETFramework, and in this process (which ShellExecuteEx may hand on) by
// judgeProcessVariable.
func findUnsafeVariables() []string {
	var found []string
	add := func(s string) {
		if !slices.Contains(found, s) {
			found = append(found, s)
		}
	}
	machine := machineVariables()
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if name == "" {
			continue // Windows' "=C:" drive variables
		}
		if why := judgeProcessVariable(name, value, machine); why != "" {
			add(fmt.Sprintf("%s (this app's environment: %s)", name, why))
		}
	}
	for _, env := range userEnvironments {
		k, err := registry.OpenKey(registry.CURRENT_USER, env.path, registry.QUERY_VALUE|registry.ENUMERATE_SUB_KEYS)
		if errors.Is(err, registry.ErrNotExist) {
			continue
		}
		if err != nil {
			// Locked by the user against himself (see findClassOverrides):
			// what it holds cannot be judged, so it is refused.
			add(fmt.Sprintf(`HKCU\%s (could not be read: %v)`, env.path, err))
			continue
		}
		judge := func(k registry.Key, where string) {
			names, err := k.ReadValueNames(-1)
			if err != nil {
				add(fmt.Sprintf("%s (could not be read: %v)", where, err))
			}
			for _, n := range names {
				if why := judgeUserVariable(n, env.where); why != "" {
					add(fmt.Sprintf("%s (%s: %s)", n, where, why))
				}
			}
		}
		judge(k, env.where)
		// Volatile Environment also has one subkey per session (Remote
		// Desktop), from which that session's environment is built.
		subs, _ := k.ReadSubKeyNames(-1)
		k.Close()
		for _, sub := range subs {
			where := `HKCU\` + env.path + `\` + sub
			sk, err := registry.OpenKey(registry.CURRENT_USER, env.path+`\`+sub, registry.QUERY_VALUE)
			if err != nil {
				add(fmt.Sprintf("%s (could not be read: %v)", where, err))
				continue
			}
			judge(sk, where)
			sk.Close()
		}
	}
	k, err := registry.OpenKey(registry.CURRENT_USER, dotNetFrameworkKey, registry.QUERY_VALUE)
	switch {
	case errors.Is(err, registry.ErrNotExist):
	case err != nil:
		add(fmt.Sprintf(`HKCU\%s (could not be read: %v)`, dotNetFrameworkKey, err))
	default:
		names, err := k.ReadValueNames(-1)
		k.Close()
		if err != nil {
			add(fmt.Sprintf(`HKCU\%s (could not be read: %v)`, dotNetFrameworkKey, err))
		}
		for _, n := range names {
			if n == "" {
				n = "(Default)"
			}
			add(fmt.Sprintf(`%s (HKCU\%s: a setting every .NET Framework program reads, a profiler among them)`, n, dotNetFrameworkKey))
		}
	}
	return found
}

// machineVariables gives the system's own value of each system variable
// it can read, by upper-case name: HKLM's Session Manager\Environment
// (expanded with these values only, never this process's), the Windows
// folder, the built-in program folders and ProfileList's shared folders,
// and the computer's name. Only HKLM and Windows' own answers are read.
func machineVariables() map[string]string {
	m := map[string]string{}
	win := platform.WindowsDir()
	if win != "" {
		m["SYSTEMROOT"], m["WINDIR"] = win, win
		if len(win) >= 2 && win[1] == ':' {
			m["SYSTEMDRIVE"] = win[:2]
		}
	}
	read := func(path string, names map[string]string) {
		k, err := registry.OpenKey(registry.LOCAL_MACHINE, path, registry.QUERY_VALUE|registry.WOW64_64KEY)
		if err != nil {
			return
		}
		defer k.Close()
		for value, name := range names {
			if v, _, err := k.GetStringValue(value); err == nil && v != "" {
				m[name] = v
			}
		}
	}
	read(`SOFTWARE\Microsoft\Windows\CurrentVersion`, map[string]string{
		"ProgramFilesDir": "PROGRAMFILES", "ProgramFilesDir (x86)": "PROGRAMFILES(X86)", "ProgramW6432Dir": "PROGRAMW6432",
		"CommonFilesDir": "COMMONPROGRAMFILES", "CommonFilesDir (x86)": "COMMONPROGRAMFILES(X86)", "CommonW6432Dir": "COMMONPROGRAMW6432"})
	// A 64-bit Windows without the W6432 values (Wine 8) gives the 64-bit folders.
	if _, ok := m["PROGRAMW6432"]; !ok && m["PROGRAMFILES"] != "" {
		m["PROGRAMW6432"] = m["PROGRAMFILES"]
	}
	if _, ok := m["COMMONPROGRAMW6432"]; !ok && m["COMMONPROGRAMFILES"] != "" {
		m["COMMONPROGRAMW6432"] = m["COMMONPROGRAMFILES"]
	}
	read(`SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList`, map[string]string{
		"ProgramData": "PROGRAMDATA", "Public": "PUBLIC"})
	if v, ok := m["PROGRAMDATA"]; ok {
		m["ALLUSERSPROFILE"] = v
	}
	if k, err := registry.OpenKey(registry.LOCAL_MACHINE, `SYSTEM\CurrentControlSet\Control\Session Manager\Environment`, registry.QUERY_VALUE); err == nil {
		names, _ := k.ReadValueNames(-1)
		for _, n := range names {
			if v, _, err := k.GetStringValue(n); err == nil {
				if u := strings.ToUpper(n); u != "SYSTEMROOT" && u != "WINDIR" || m[u] == "" {
					m[u] = v
				}
			}
		}
		k.Close()
	}
	buf := make([]uint16, 256)
	if n := uint32(len(buf)); windows.GetComputerName(&buf[0], &n) == nil {
		m["COMPUTERNAME"] = windows.UTF16ToString(buf[:n])
	}
	for range 2 { // a value may name one that names another
		for n, v := range m {
			m[n] = expandWith(v, m)
		}
	}
	return m
}

func checkElevatedStart() error {
	if keys := findClassOverrides(); len(keys) > 0 {
		return &platform.UnsafeSettingError{Err: platform.ErrClassOverride, Settings: keys}
	}
	if vars := findUnsafeVariables(); len(vars) > 0 {
		return &platform.UnsafeSettingError{Err: platform.ErrUnsafeEnvironment, Settings: vars}
	}
	return nil
}
