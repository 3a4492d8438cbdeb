package platform

import "sync"

// wineUserIsAdmin: this Windows is Wine (ntdll.dll exports
// wine_get_version, which the real ntdll of Windows never does), where
// every process runs as an elevated member of Administrators and the user
// is the administrator. Read once; a seam for the tests of ElevatedUser.
// platform/acl's DACL rule asks IsWine for its Wine allowance.
var wineUserIsAdmin = sync.OnceValue(runningOnWine)

func runningOnWine() bool { return procwine_get_version.Find() == nil }
