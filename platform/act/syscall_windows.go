package act

// Windows API calls that golang.org/x/sys/windows does not offer, generated
// into zsyscall_windows.go by mkwinsyscall. Edit the //sys lines, then run
// go generate ./platform/act (the directive is in doc.go, so it runs on any
// system).

//sys	shellExecuteEx(info *shellExecuteInfo) (err error) = shell32.ShellExecuteExW
