package platform

import (
	"context"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

// BenchmarkRootCertificates times the root-certificate probe alone (make
// bench runs it under Wine). It first opens the computer's ROOT store
// read-only through crypt32, as Windows' own programs do: that changes
// nothing on Windows, and under Wine it makes Wine copy the host's roots
// into the registry (149 on Debian 12), so the probe reads a full store
// rather than an empty one. It reports how many certificates it read.
func BenchmarkRootCertificates(b *testing.B) {
	name, _ := windows.UTF16PtrFromString("ROOT")
	store, err := windows.CertOpenStore(windows.CERT_STORE_PROV_SYSTEM_REGISTRY, 0, 0,
		windows.CERT_SYSTEM_STORE_LOCAL_MACHINE|windows.CERT_STORE_READONLY_FLAG|windows.CERT_STORE_OPEN_EXISTING_FLAG,
		uintptr(unsafe.Pointer(name)))
	if err == nil {
		windows.CertCloseStore(store, 0)
	}
	var n int
	for b.Loop() {
		var snap Snapshot
		if err := probeRootCertificates(context.Background(), &Options{}, &snap); err != nil {
			b.Fatal(err)
		}
		n = len(snap.Certificates)
	}
	b.ReportMetric(float64(n), "certificates")
}
