package act

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"

	"transitionhelper/platform"
	"transitionhelper/platform/trust"
)

// shellExecuteInfo is SHELLEXECUTEINFOW.
type shellExecuteInfo struct {
	size          uint32
	mask          uint32
	hwnd          windows.HWND
	verb          *uint16
	file          *uint16
	parameters    *uint16
	directory     *uint16
	show          int32
	instApp       windows.Handle
	idList        uintptr
	class         *uint16
	keyClass      windows.Handle
	hotKey        uint32
	iconOrMonitor windows.Handle
	process       windows.Handle
}

const (
	seeMaskClassKey       = 0x00000003
	seeMaskNoCloseProcess = 0x00000040
	seeMaskNoAsync        = 0x00000100
	swShowNormal          = 1
)

func launch(ctx context.Context, program string, args []string, elevate bool, out io.Writer) (int, error) {
	return start(ctx, program, args, elevate, out, nil)
}

// machineExeClass is the machine's own class of programs. An elevated
// start hands ShellExecuteEx an open key to it (SEE_MASK_CLASSKEY), so the
// runas verb is read from HKLM alone: no per-user class key (HKCU
// exefile, .exe, *, UserChoice) is consulted, and a key made between the
// guard and the start changes nothing.
const machineExeClass = `SOFTWARE\Classes\exefile`

// useMachineClass says whether to start with the machine's class key. Not
// under Wine: Wine 8's ShellExecuteEx, given a class key, builds the
// command from its "%1" %* with the parameters left out (shlexec.c; seen
// here: the child got its own path as its only argument, and the
// detection below ended it), and for an .exe it reads no class key at all
// (docs/security.md). A seam for the tests.
var useMachineClass = func() bool { return !platform.IsWine() }

// shellExecute is ShellExecuteExW: a seam for the test that reads what it
// is given.
var shellExecute = shellExecuteEx

// terminateProcess is TerminateProcess: a seam for the test of a child that
// cannot be ended (a medium-integrity process usually may not end an
// elevated one).
var terminateProcess = windows.TerminateProcess

// start runs program and waits for it. check, when given, is called with
// the child's process handle as soon as it exists; an error from it (a
// detection: the child has already started) ends the child and is
// returned, wrapping platform.ErrNotStopped too when the child could not be ended.
func start(ctx context.Context, program string, args []string, elevate bool, out io.Writer, check func(windows.Handle) error) (int, error) {
	if !elevate {
		return startAsUser(ctx, program, args, out, check)
	}
	// What the prompt runs is looked up in a class view this account can
	// change, and the elevated program inherits this account's variables.
	if err := checkElevatedStart(); err != nil {
		return -1, err
	}
	verb, _ := windows.UTF16PtrFromString("runas")
	file, err := windows.UTF16PtrFromString(program)
	if err != nil {
		return -1, err
	}
	// Each argument quoted by Windows' own rules: parsed tokens in, never raw text.
	params, err := windows.UTF16PtrFromString(shellParameters(windows.ComposeCommandLine(args)))
	if err != nil {
		return -1, err
	}
	dir, _ := windows.UTF16PtrFromString(filepath.Dir(program))
	info := shellExecuteInfo{mask: seeMaskNoCloseProcess | seeMaskNoAsync, hwnd: promptOwner(), verb: verb, file: file,
		parameters: params, directory: dir, show: swShowNormal}
	if useMachineClass() {
		class, err := registry.OpenKey(registry.LOCAL_MACHINE, machineExeClass, registry.READ)
		if err != nil {
			return -1, fmt.Errorf("opening HKLM\\%s: %w", machineExeClass, err)
		}
		defer class.Close()
		info.mask |= seeMaskClassKey
		info.keyClass = windows.Handle(class)
	}
	info.size = uint32(unsafe.Sizeof(info))
	if err := shellExecute(&info); err != nil {
		if errors.Is(err, windows.ERROR_CANCELLED) {
			return 1223, platform.ErrCancelled
		}
		return -1, fmt.Errorf("ShellExecuteEx runas: %w", err)
	}
	if info.process == 0 {
		return -1, errors.New("the uninstaller started but gave no process to wait for")
	}
	defer windows.CloseHandle(info.process)
	if check != nil {
		if err := check(info.process); err != nil {
			return -1, endDetected(info.process, err)
		}
	}
	for {
		ev, err := windows.WaitForSingleObject(info.process, 250)
		if err != nil {
			return -1, err
		}
		if ev == uint32(windows.WAIT_OBJECT_0) {
			break
		}
		if ctx.Err() != nil {
			return -1, ctx.Err() // the uninstaller goes on; we stop waiting
		}
	}
	var code uint32
	if err := windows.GetExitCodeProcess(info.process, &code); err != nil {
		return -1, err
	}
	return int(code), nil
}

// endDetected ends a child the detection found not to be the planned
// start, and says whether that worked: TerminateProcess's error is not
// ignored (an elevated child usually cannot be ended by this process), and
// the child must then be gone within five seconds.
func endDetected(proc windows.Handle, detected error) error {
	if exited(proc) {
		return detected
	}
	terr := terminateProcess(proc, 1)
	if terr == nil {
		ev, werr := windows.WaitForSingleObject(proc, 5000)
		if werr == nil && ev == uint32(windows.WAIT_OBJECT_0) {
			return detected
		}
		terr = errors.New("it was still running five seconds later")
	}
	if exited(proc) {
		return detected
	}
	return fmt.Errorf("%w; ending it failed (%v): %w", detected, terr, platform.ErrNotStopped)
}

func startAsUser(ctx context.Context, program string, args []string, out io.Writer, check func(windows.Handle) error) (int, error) {
	cmd := exec.CommandContext(ctx, program, args...)
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		return -1, err
	}
	if check != nil {
		// The child cannot exit and give its id away while exec holds its handle.
		h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION|windows.PROCESS_VM_READ|windows.PROCESS_TERMINATE|windows.SYNCHRONIZE,
			false, uint32(cmd.Process.Pid))
		if err == nil {
			err = check(h)
			windows.CloseHandle(h)
		}
		if err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			return -1, err
		}
	}
	err := cmd.Wait()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return exit.ExitCode(), nil
	}
	if err != nil {
		return -1, err
	}
	return 0, nil
}

// shellParameters is what ShellExecuteEx is given as the arguments: a seam
// for the test that stands in for a class override rewriting the command.
var shellParameters = func(s string) string { return s }

// beforeStart runs between the last check of the path and the start: a
// seam for the test that swaps the file just there.
var beforeStart = func(*trust.VerifiedProgram) {}

func launchVerified(ctx context.Context, v *trust.VerifiedProgram, args []string, elevate bool, out io.Writer) (int, error) {
	if v == nil || !v.Held() {
		return -1, errors.New("launching a program that is not open")
	}
	verified, err := v.FinalPath()
	if err != nil {
		return -1, err
	}
	// The path must still lead to the file that was verified.
	if _, same, err := v.SameFile(v.Path); err != nil || !same {
		return -1, fmt.Errorf("%w: %s no longer leads to the verified file (now at %s)", platform.ErrSwapped, v.Path, verified)
	}
	beforeStart(v)
	// Detection, after the start: the child already runs when this looks
	// at it (ShellExecuteEx cannot start it suspended).
	detectSwap := func(proc windows.Handle) error {
		image, err := processImage(proc)
		if err != nil {
			return fmt.Errorf("%w: cannot tell which program started: %w", platform.ErrSwapped, err)
		}
		final, same, err := v.SameFile(image)
		if err != nil || !same || !strings.EqualFold(final, verified) {
			return fmt.Errorf("%w: started %s, verified %s", platform.ErrSwapped, image, verified)
		}
		// The right program with other arguments (a class override such as
		// msiexec.exe /y x.dll) is another command.
		cmdline, err := startedCommandLine(proc)
		if err != nil && exited(proc) {
			// Ended before it could be read: nothing is left to stop, and
			// the image was the verified file (docs/security.md).
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: cannot read what %s was started with: %w", platform.ErrSwapped, image, err)
		}
		if err := matchCommandLine(cmdline, args, func(p string) bool { return isProgram(v, p) }); err != nil {
			return fmt.Errorf("%w: %s was started with another command: %w", platform.ErrSwapped, image, err)
		}
		return nil
	}
	return start(ctx, v.Path, args, elevate, out, detectSwap)
}

// isProgram reports whether path names the verified file: the same path,
// or another path to the same file (a short name).
func isProgram(v *trust.VerifiedProgram, path string) bool {
	if samePath(path, v.Path) {
		return true
	}
	_, same, err := v.SameFile(path)
	return err == nil && same
}

// startedCommandLine reads a just-started child's command line. Under Wine
// the child's parameters are sometimes not in its PEB yet when
// ShellExecuteEx returns (read empty: once in 5 and once in 8 runs of the
// package here), so an empty read is tried again for up to two seconds
// while the child runs. Windows is believed to write them when it creates
// the process, before the child runs (not confirmed here).
func startedCommandLine(proc windows.Handle) (string, error) {
	deadline := time.Now().Add(2 * time.Second)
	for {
		cmdline, err := processCommandLine(proc)
		if err != nil || strings.TrimSpace(cmdline) != "" {
			return cmdline, err
		}
		if exited(proc) || time.Now().After(deadline) {
			return "", errors.New("it reads empty")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// exited reports whether a process has already ended.
func exited(proc windows.Handle) bool {
	ev, err := windows.WaitForSingleObject(proc, 0)
	return err == nil && ev == uint32(windows.WAIT_OBJECT_0)
}

// promptOwner is the window the administrator prompt belongs to, so it
// comes to the front over it: this app's window when it is the one in
// front (the user just pressed Remove), else none.
func promptOwner() windows.HWND {
	w := windows.GetForegroundWindow()
	if w == 0 {
		return 0
	}
	var pid uint32
	if _, err := windows.GetWindowThreadProcessId(w, &pid); err != nil || pid != windows.GetCurrentProcessId() {
		return 0
	}
	return w
}

// processCommandLine reads the command line a process was started with:
// NtQueryInformationProcess(ProcessCommandLineInformation), which needs
// only PROCESS_QUERY_LIMITED_INFORMATION (Windows 8.1 and later); where
// that class is unknown (Wine 8), the process's PEB, read through
// ReadProcessMemory (PROCESS_VM_READ).
func processCommandLine(proc windows.Handle) (string, error) {
	buf := make([]byte, 64<<10)
	var n uint32
	err := windows.NtQueryInformationProcess(proc, windows.ProcessCommandLineInformation, unsafe.Pointer(&buf[0]), uint32(len(buf)), &n)
	if err == nil {
		us := (*windows.NTUnicodeString)(unsafe.Pointer(&buf[0]))
		if uintptr(unsafe.Pointer(us.Buffer)) < uintptr(unsafe.Pointer(&buf[0])) ||
			uintptr(unsafe.Pointer(us.Buffer))+uintptr(us.Length) > uintptr(unsafe.Pointer(&buf[0]))+uintptr(len(buf)) {
			return "", errors.New("the command line lies outside the buffer")
		}
		return us.String(), nil
	}
	if !errors.Is(err, windows.STATUS_INVALID_INFO_CLASS) {
		return "", fmt.Errorf("NtQueryInformationProcess: %w", err)
	}
	var basic windows.PROCESS_BASIC_INFORMATION
	if err := windows.NtQueryInformationProcess(proc, windows.ProcessBasicInformation, unsafe.Pointer(&basic), uint32(unsafe.Sizeof(basic)), nil); err != nil {
		return "", fmt.Errorf("NtQueryInformationProcess: %w", err)
	}
	var peb windows.PEB
	if err := readProcess(proc, uintptr(unsafe.Pointer(basic.PebBaseAddress)), unsafe.Pointer(&peb), unsafe.Sizeof(peb)); err != nil {
		return "", err
	}
	var params windows.RTL_USER_PROCESS_PARAMETERS
	if err := readProcess(proc, uintptr(unsafe.Pointer(peb.ProcessParameters)), unsafe.Pointer(&params), unsafe.Sizeof(params)); err != nil {
		return "", err
	}
	line := make([]uint16, params.CommandLine.Length/2)
	if len(line) == 0 {
		return "", nil
	}
	if err := readProcess(proc, uintptr(unsafe.Pointer(params.CommandLine.Buffer)), unsafe.Pointer(&line[0]), uintptr(len(line))*2); err != nil {
		return "", err
	}
	return windows.UTF16ToString(line), nil
}

// readProcess reads size bytes at addr of another process into to.
func readProcess(proc windows.Handle, addr uintptr, to unsafe.Pointer, size uintptr) error {
	var n uintptr
	if err := windows.ReadProcessMemory(proc, addr, (*byte)(to), size, &n); err != nil {
		return fmt.Errorf("reading the process's memory: %w", err)
	}
	if n != size {
		return errors.New("reading the process's memory: short read")
	}
	return nil
}

// processImage is the full path of a process's program.
func processImage(proc windows.Handle) (string, error) {
	buf := make([]uint16, windows.MAX_LONG_PATH)
	n := uint32(len(buf))
	if err := windows.QueryFullProcessImageName(proc, 0, &buf[0], &n); err != nil {
		return "", err
	}
	return windows.UTF16ToString(buf[:n]), nil
}

const runOncePath = `Software\Microsoft\Windows\CurrentVersion\RunOnce`

func setRunOnce(name, program string, args []string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runOncePath, registry.SET_VALUE)
	if err != nil {
		return fmt.Errorf("opening HKCU RunOnce: %w", err)
	}
	defer k.Close()
	return k.SetStringValue(name, windows.ComposeCommandLine(append([]string{program}, args...)))
}

func clearRunOnce(name string) error {
	k, err := registry.OpenKey(registry.CURRENT_USER, runOncePath, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer k.Close()
	if err := k.DeleteValue(name); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return err
	}
	return nil
}

func restart() error {
	sys, err := windows.GetSystemDirectory()
	if err != nil {
		return err
	}
	cmd := exec.Command(filepath.Join(sys, "shutdown.exe"), "/r", "/t", "0")
	return cmd.Run()
}

func openAppsSettings() error { return openURI("ms-settings:appsfeatures") }

func openWindowsSecurity() error { return openURI("windowsdefender://threat") }

// openURI opens one of the fixed Windows settings addresses above.
func openURI(uri string) error {
	return windows.ShellExecute(0, windows.StringToUTF16Ptr("open"), windows.StringToUTF16Ptr(uri), nil, nil, swShowNormal)
}
