package platform

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/sys/windows"
)

// judgeProcessImages reads and judges the program of every process
// opts.JudgeImage names: a protection claim rests on a process only when
// its program lies where only administrators can change it (a standard
// user can start a program named MsMpEng.exe from Downloads). A process
// that cannot be opened, read or judged carries why in ImageWhy and is not
// administrators-only. Each folder above a program is judged by
// opts.AdminOnly (acl.AdminOnlyPath) anew; there are only a few such
// processes.
func judgeProcessImages(ctx context.Context, opts *Options, out *Snapshot) {
	if opts == nil || opts.JudgeImage == nil {
		return
	}
	out.ProcessImagesJudged = true
	for i := range out.Processes {
		p := &out.Processes[i]
		if p.Denied || !opts.JudgeImage(p.Name) {
			continue
		}
		if ctx.Err() != nil {
			p.ImageWhy = "its program was not judged: the scan ran out of time"
			continue
		}
		p.Image, p.ImageAdminOnly, p.ImageWhy = judgeProcessImage(uint32(p.PID), p.Name, opts.AdminOnly)
	}
}

// judgeProcessImage opens process pid with PROCESS_QUERY_LIMITED_INFORMATION
// (which a standard user has on most processes, services' too), reads its
// program's full path and judges it by rule (acl.AdminOnlyPath). The
// program's name must still be name: a process id reused since the
// snapshot names another program.
func judgeProcessImage(pid uint32, name string, rule func(string) (bool, string, error)) (image string, adminOnly bool, why string) {
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid)
	if err != nil {
		return "", false, fmt.Sprintf("its program could not be read (opening process %d: %v)", pid, err)
	}
	defer windows.CloseHandle(h)
	buf := make([]uint16, windows.MAX_LONG_PATH)
	n := uint32(len(buf))
	if err := windows.QueryFullProcessImageName(h, 0, &buf[0], &n); err != nil {
		return "", false, fmt.Sprintf("its program could not be read (process %d: %v)", pid, err)
	}
	image = windows.UTF16ToString(buf[:n])
	if !strings.EqualFold(filepath.Base(image), name) {
		return image, false, fmt.Sprintf("process %d now runs %s, not %s", pid, image, name)
	}
	if rule == nil {
		return image, false, fmt.Sprintf("its program %s was not judged: the scan was given no rule", image)
	}
	ok, who, err := rule(image)
	switch {
	case err != nil:
		return image, false, fmt.Sprintf("its program %s could not be judged: %v", image, err)
	case !ok:
		return image, false, fmt.Sprintf("its program %s is where a standard user can change it (%s)", image, who)
	}
	return image, true, ""
}
