package platform

import (
	"errors"
	"strings"
	"testing"
)

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
