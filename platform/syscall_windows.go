package platform

// Windows API calls that golang.org/x/sys/windows does not offer, generated
// into zsyscall_windows.go by mkwinsyscall. Edit the //sys lines, then run
// go generate ./platform (the directive is in doc.go, so it runs on any system).

//sys	attachConsole(processID uint32) (err error) = kernel32.AttachConsole

// Present only under Wine: how IsWine (and so the DACL rule) tells Wine from Windows.
//sys	wine_get_version() (v uintptr) = ntdll.wine_get_version

//sys	msiGetProductInfoEx(productCode *uint16, userSID *uint16, context uint32, property *uint16, value *uint16, size *uint32) (ret error) = msi.MsiGetProductInfoExW
