//go:build windows

package platform

import (
	"bytes"
	"errors"
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// classOverrideKeys are the per-user class keys that change how a program
// or an installer package starts.
var classOverrideKeys = []string{`Software\Classes\exefile\shell`, `Software\Classes\.exe`, `Software\Classes\Msi.Package\shell`}

func classOverrides() ([]ClassOverride, error) {
	var out []ClassOverride
	var errs []error
	for _, path := range classOverrideKeys {
		k, err := registry.OpenKey(registry.CURRENT_USER, path, registry.QUERY_VALUE|registry.ENUMERATE_SUB_KEYS)
		if errors.Is(err, registry.ErrNotExist) {
			continue
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("opening HKCU\\%s: %w", path, err))
			continue
		}
		o := ClassOverride{Key: `HKCU\` + path}
		if v, _, err := k.GetStringValue(""); err == nil {
			o.Value = v
		}
		if subs, err := k.ReadSubKeyNames(-1); err == nil && len(subs) > 0 && o.Value == "" {
			o.Value = fmt.Sprintf("subkeys: %v", subs)
		}
		k.Close()
		out = append(out, o)
	}
	return out, errors.Join(errs...)
}

func uiAutomation() error {
	dll := windows.NewLazySystemDLL("uiautomationcore.dll")
	if err := dll.Load(); err != nil {
		return fmt.Errorf("loading uiautomationcore.dll from System32: %w", err)
	}
	if err := dll.NewProc("UiaRaiseStructureChangedEvent").Find(); err != nil {
		return fmt.Errorf("uiautomationcore.dll lacks UiaRaiseStructureChangedEvent: %w", err)
	}
	// Wine 8's own uiautomationcore lists the export, but as a stub that
	// ends the process; its builtin DLLs say so in their loaded header.
	if isWine() {
		base := dll.Handle()
		header := unsafe.Slice(*(**byte)(unsafe.Pointer(&base)), 0x80)
		if bytes.Contains(header, []byte("Wine builtin DLL")) {
			return errors.New("uiautomationcore.dll is Wine's builtin one, whose UiaRaiseStructureChangedEvent is a stub that ends the process (use the test stand-in with uiautomationcore=n)")
		}
	}
	return nil
}

func isWine() bool { return wineUserIsAdmin() }

func userWritable(dir string) (bool, error) {
	ok, _, err := adminOnlyPath(dir)
	if err != nil {
		return false, err
	}
	return !ok, nil
}

func pathOwner(string) (OwnedPath, error) { return OwnedPath{}, ErrNotSupported }
