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

// classOverrides reports the keys the removal's guard refuses
// (guardedClassKeys in classkeys.go, which platform/act's guard reads
// too), so the doctor and the removal judge the same keys the same way: a
// key that is set, with its default value when the guard counts that; a
// key that cannot be read is an error.
func classOverrides() ([]ClassOverride, error) {
	var out []ClassOverride
	var errs []error
	for _, o := range guardedClassKeys {
		k, err := registry.OpenKey(registry.CURRENT_USER, o.Path, registry.QUERY_VALUE|registry.ENUMERATE_SUB_KEYS)
		if errors.Is(err, registry.ErrNotExist) {
			continue
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("opening HKCU\\%s: %w", o.Path, err))
			continue
		}
		v, _, verr := k.GetStringValue("")
		// What the key holds, for support staff: its default value, else
		// the verbs under it ("subkeys: [runas]").
		if subs, err := k.ReadSubKeyNames(-1); err == nil && len(subs) > 0 && v == "" && !o.DefaultValue {
			v = fmt.Sprintf("subkeys: %v", subs)
		}
		k.Close()
		switch {
		case !o.DefaultValue:
			out = append(out, ClassOverride{Key: `HKCU\` + o.Path, Value: v})
		case verr == nil && v != "":
			out = append(out, ClassOverride{Key: `HKCU\` + o.Path, Value: v})
		}
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

func pathOwner(string) (OwnedPath, error) { return OwnedPath{}, ErrNotSupported }
