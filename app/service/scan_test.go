package service_test

import (
	"context"
	"reflect"
	"testing"

	"transitionhelper/app/catalog"
	"transitionhelper/app/service"
	"transitionhelper/app/service/servicetest"
	"transitionhelper/platform"
	"transitionhelper/platform/acl"
)

// TestScanJudgesImagesByTheAdminOnlyRule: every scan names the processes
// whose program is judged (a protection signature's, such as MsMpEng.exe)
// and hands platform the rule they are judged by, acl.AdminOnlyPath: the
// scan lives in platform, the rule in platform/acl, which rests on
// platform, so the service joins them. Without the rule no running
// program would count as protection.
func TestScanJudgesImagesByTheAdminOnlyRule(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var got platform.Options
	pc := &servicetest.Computer{ScanFn: func(_ context.Context, o platform.Options) *platform.Snapshot {
		got = o
		return &platform.Snapshot{OS: platform.OSInfo{Family: "windows"}}
	}}
	if _, err := service.New(cat, pc).Scan(t.Context()); err != nil {
		t.Fatal(err)
	}
	if got.JudgeImage == nil || !got.JudgeImage("MsMpEng.exe") || got.JudgeImage("notepad.exe") {
		t.Error("the scan does not name Defender's process, or names another, to be judged")
	}
	if got.AdminOnly == nil || reflect.ValueOf(got.AdminOnly).Pointer() != reflect.ValueOf(acl.AdminOnlyPath).Pointer() {
		t.Error("the scan is not given acl.AdminOnlyPath to judge programs by")
	}
}
