package doctor

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"transitionhelper/platform"
	"transitionhelper/platform/acl"
	"transitionhelper/platform/trust"
)

// ThisComputer is the computer the doctor runs on; goos names its system
// (runtime.GOOS).
func ThisComputer(goos string) Computer { return thisComputer{goos: goos} }

// thisComputer is Computer over package platform.
type thisComputer struct{ goos string }

var _ Computer = thisComputer{}

func (c thisComputer) GOOS() string { return c.goos }
func (thisComputer) Scan(ctx context.Context) *platform.Snapshot {
	return platform.Scan(ctx, platform.Options{})
}
func (thisComputer) Graphics() (platform.Graphics, error) { return platform.CheckGraphics() }
func (thisComputer) Wine() bool                           { return platform.IsWine() }
func (thisComputer) Msiexec() string                      { return platform.SystemMsiexec() }
func (thisComputer) VerifySignature(path string) platform.SignatureInfo {
	return trust.VerifySignature(path)
}
func (thisComputer) KnownFolder(name string) string { return platform.KnownFolder(name) }
func (thisComputer) WindowsDir() string             { return platform.WindowsDir() }
func (thisComputer) AdminOnly(path string) (bool, string, error) {
	return acl.AdminOnlyPath(path)
}
func (thisComputer) ClassOverrides() ([]platform.ClassOverride, error) {
	return platform.ClassOverrides()
}
func (thisComputer) UIAutomation() error                   { return platform.UIAutomation() }
func (thisComputer) UserWritable(dir string) (bool, error) { return acl.UserWritable(dir) }
func (thisComputer) XProtect(bundle string) platform.XProtectInfo {
	return platform.ReadXProtectBundle(bundle)
}
func (thisComputer) XProtectBundles() (live, old string) {
	return platform.XProtectLiveBundle, platform.XProtectBundle
}
func (thisComputer) Tool(ctx context.Context, name string, args ...string) (string, error) {
	return platform.ToolOutput(ctx, 10*time.Second, name, args...)
}
func (thisComputer) ToolPath(name string) (string, error)          { return platform.ToolPath(name) }
func (thisComputer) Owner(path string) (platform.OwnedPath, error) { return platform.PathOwner(path) }

func (thisComputer) FileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// Executable is the app's own program, links followed.
func (thisComputer) Executable() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if final, err := filepath.EvalSymlinks(exe); err == nil {
		return final, nil
	}
	return exe, nil
}
