package platform

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"golang.org/x/sys/windows/registry"
)

// classOverride is a place in HKCU where a user may change what
// ShellExecuteEx("runas") runs for a program (or, for Msi.Package, a
// package): the merged class view (HKEY_CLASSES_ROOT) lets HKCU win over
// HKLM, so a key there set to "msiexec.exe /y %LOCALAPPDATA%\x.dll" makes
// the prompt show Windows Installer while another command runs.
type classOverride struct {
	root registry.Key
	path string
	// defaultValue: only a non-empty default value counts (a ProgID that
	// sends .exe to another class); otherwise the key's existence does.
	defaultValue bool
}

const userClasses = `Software\Classes\`

// guardClassKeys lists the keys checked before every elevated start (and by doctor).
// Registry names are case-insensitive: Msi.Package and msi.package are one.
var guardClassKeys = []classOverride{
	{registry.CURRENT_USER, userClasses + `exefile\shell`, false},
	{registry.CURRENT_USER, userClasses + `.exe`, true},
	{registry.CURRENT_USER, userClasses + `.exe\shell`, false},
	{registry.CURRENT_USER, userClasses + `Msi.Package\shell`, false},
	{registry.CURRENT_USER, userClasses + `.msi`, true},
	{registry.CURRENT_USER, userClasses + `.msi\shell`, false},
	{registry.CURRENT_USER, userClasses + `*\shell\runas`, false},
	{registry.CURRENT_USER, userClasses + `AllFilesystemObjects\shell\runas`, false},
	{registry.CURRENT_USER, userClasses + `SystemFileAssociations\.exe\shell`, false},
	{registry.CURRENT_USER, userClasses + `SystemFileAssociations\application\shell\runas`, false},
	{registry.CURRENT_USER, `Software\Microsoft\Windows\CurrentVersion\Explorer\FileExts\.exe\UserChoice`, false},
}

// findClassOverrides returns the HKCU keys of guardClassKeys that are set.
func findClassOverrides() []string {
	var found []string
	for _, o := range guardClassKeys {
		k, err := registry.OpenKey(o.root, o.path, registry.QUERY_VALUE)
		if errors.Is(err, registry.ErrNotExist) {
			continue
		}
		if err != nil {
			// The user owns HKCU and may lock a key against himself;
			// the elevated side may still read it. Unreadable is set.
			found = append(found, fmt.Sprintf(`HKCU\%s (could not be read: %v)`, o.path, err))
			continue
		}
		v, _, verr := k.GetStringValue("")
		k.Close()
		switch {
		case !o.defaultValue:
			found = append(found, `HKCU\`+o.path)
		case verr == nil && v != "":
			found = append(found, fmt.Sprintf(`HKCU\%s (default value %q)`, o.path, v))
		}
	}
	return found
}

// userEnvironments are where a standard user sets variables that Windows
// builds a program's environment from.
var userEnvironments = []string{`Environment`, `Volatile Environment`}

// findUnsafeVariables returns the variables, with where each is set, that
// unsafeVariable refuses: in this process (which ShellExecuteEx may hand
// on) and in the user's registry (from which Windows builds a new
// environment for the elevated program).
func findUnsafeVariables() []string {
	win := windowsDir()
	var found []string
	add := func(name, value, where string) {
		if why := unsafeVariable(name, value, win); why != "" {
			s := fmt.Sprintf("%s (%s: %s)", name, where, why)
			if !slices.Contains(found, s) {
				found = append(found, s)
			}
		}
	}
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if name == "" {
			continue // Windows' "=C:" drive variables
		}
		add(name, value, "this app's environment")
	}
	for _, path := range userEnvironments {
		k, err := registry.OpenKey(registry.CURRENT_USER, path, registry.QUERY_VALUE|registry.ENUMERATE_SUB_KEYS)
		if errors.Is(err, registry.ErrNotExist) {
			continue
		}
		if err != nil {
			// Locked by the user against himself (see findClassOverrides):
			// what it holds cannot be judged, so it is refused.
			found = append(found, fmt.Sprintf(`HKCU\%s (could not be read: %v)`, path, err))
			continue
		}
		readValues(k, `HKCU\`+path, add)
		// Volatile Environment also has one subkey per session (Remote
		// Desktop), from which that session's environment is built.
		subs, _ := k.ReadSubKeyNames(-1)
		k.Close()
		for _, sub := range subs {
			sk, err := registry.OpenKey(registry.CURRENT_USER, path+`\`+sub, registry.QUERY_VALUE)
			if err != nil {
				found = append(found, fmt.Sprintf(`HKCU\%s\%s (could not be read: %v)`, path, sub, err))
				continue
			}
			readValues(sk, `HKCU\`+path+`\`+sub, add)
			sk.Close()
		}
	}
	return found
}

// readValues hands each string value of k to add, with where it is set.
func readValues(k registry.Key, where string, add func(name, value, where string)) {
	names, _ := k.ReadValueNames(-1)
	for _, n := range names {
		v, _, err := k.GetStringValue(n)
		if err != nil && !errors.Is(err, registry.ErrUnexpectedType) {
			continue
		}
		add(n, v, where)
	}
}

func checkElevatedStart() error {
	if keys := findClassOverrides(); len(keys) > 0 {
		return &UnsafeSettingError{Err: ErrClassOverride, Settings: keys}
	}
	if vars := findUnsafeVariables(); len(vars) > 0 {
		return &UnsafeSettingError{Err: ErrUnsafeEnvironment, Settings: vars}
	}
	return nil
}
