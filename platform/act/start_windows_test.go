package act

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"transitionhelper/platform"
	"transitionhelper/platform/platformtest"
	"transitionhelper/platform/trust"
)

// keyName is the kernel's name of an open registry key (NtQueryKey,
// KeyNameInformation): \REGISTRY\MACHINE\... for HKLM.
func keyName(t *testing.T, k windows.Handle) string {
	t.Helper()
	proc := windows.NewLazySystemDLL("ntdll.dll").NewProc("NtQueryKey")
	buf := make([]byte, 4096)
	var n uint32
	const keyNameInformation = 3
	if st, _, _ := proc.Call(uintptr(k), keyNameInformation, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)), uintptr(unsafe.Pointer(&n))); st != 0 {
		t.Fatalf("NtQueryKey: %#x", st)
	}
	size := *(*uint32)(unsafe.Pointer(&buf[0]))
	name := unsafe.Slice((*uint16)(unsafe.Pointer(&buf[4])), size/2)
	return windows.UTF16ToString(name)
}

// TestElevatedStartReadsOnlyTheMachineClass: the elevated start hands
// ShellExecuteEx the machine's own exefile class key (SEE_MASK_CLASSKEY),
// so the runas verb is looked up in HKLM only and no per-user class key
// is read at all. Read from what ShellExecuteEx is given (Wine drops the
// parameters on this path, so Wine itself starts without it).
func TestElevatedStartReadsOnlyTheMachineClass(t *testing.T) {
	_, prog := platformtest.Installed(t)
	savedUse, savedExec := useMachineClass, shellExecute
	t.Cleanup(func() { useMachineClass, shellExecute = savedUse, savedExec })
	useMachineClass = func() bool { return true }
	var mask uint32
	var class string
	shellExecute = func(info *shellExecuteInfo) error {
		mask = info.mask
		if info.keyClass != 0 {
			class = keyName(t, info.keyClass)
		}
		return windows.ERROR_CANCELLED
	}
	v, err := trust.OpenVerified(prog)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if _, err := LaunchVerified(t.Context(), v, []string{"-exit", "4"}, true, io.Discard); !errors.Is(err, platform.ErrCancelled) {
		t.Fatalf("launch: %v", err)
	}
	if mask&seeMaskClassKey != seeMaskClassKey || !strings.EqualFold(class, `\REGISTRY\MACHINE\SOFTWARE\Classes\exefile`) {
		t.Errorf("ShellExecuteEx was given mask %#x and class key %q, want SEE_MASK_CLASSKEY and HKLM's exefile", mask, class)
	}
	// Not elevated: no prompt, no class key.
	mask, class = 0, ""
	if _, err := LaunchVerified(t.Context(), v, []string{"-exit", "4"}, false, io.Discard); err != nil || mask != 0 {
		t.Errorf("a start as the user went through ShellExecuteEx: %v, %#x", err, mask)
	}
}

// TestDetectedChildThatCannotBeEnded: when the started program is found to
// run another command and TerminateProcess fails (as a program of the user
// usually fails on an elevated one), the error says it may still run
// (platform.ErrNotStopped), not that it was stopped; the child indeed goes on.
func TestDetectedChildThatCannotBeEnded(t *testing.T) {
	_, prog := platformtest.Installed(t)
	marker := filepath.Join(platformtest.TempDir(t), "ran.txt")
	savedParams, savedTerm := shellParameters, terminateProcess
	t.Cleanup(func() { shellParameters, terminateProcess = savedParams, savedTerm })
	shellParameters = func(s string) string { return s + " -exit 9" }
	terminateProcess = func(windows.Handle, uint32) error { return windows.ERROR_ACCESS_DENIED }
	v, err := trust.OpenVerified(prog)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	_, err = LaunchVerified(t.Context(), v, []string{"-wait", "1s", "-env", marker}, true, io.Discard)
	if !errors.Is(err, platform.ErrSwapped) || !errors.Is(err, platform.ErrNotStopped) || !strings.Contains(strings.ToLower(err.Error()), "denied") {
		t.Fatalf("a child that could not be ended: %v", err)
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if _, err := os.Stat(marker); err == nil {
			return // it went on, as the error said it might
		}
	}
	t.Error("the child did not go on: the seam did not stand in for TerminateProcess")
}
