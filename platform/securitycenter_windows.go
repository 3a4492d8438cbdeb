//go:build windows

package platform

import (
	"context"
	"errors"
	"fmt"

	ole "github.com/go-ole/go-ole"
	"github.com/yusufpapurcu/wmi"
)

// WMI status codes of a namespace or class that does not exist.
const (
	wbemInvalidNamespace = 0x8004100E
	wbemInvalidClass     = 0x80041010
)

// wmiMissing reports whether err says the namespace or class is not there.
func wmiMissing(err error) bool {
	var oe *ole.OleError
	if !errors.As(err, &oe) {
		return false
	}
	code := uint32(oe.Code())
	if ei, ok := oe.SubError().(ole.EXCEPINFO); ok && ei.SCODE() != 0 {
		code = ei.SCODE()
	}
	return code == wbemInvalidNamespace || code == wbemInvalidClass
}

// antiVirusProduct mirrors root\SecurityCenter2 AntiVirusProduct.
type antiVirusProduct struct {
	DisplayName            string
	InstanceGuid           string
	PathToSignedProductExe string
	ProductState           uint32
}

// probeSecurityCenter asks Windows Security Center which antivirus products
// are registered. The namespace does not exist on Windows Server (nor under
// Wine): that is reported as unavailable, not as a failure.
func probeSecurityCenter(_ context.Context, _ *Options, out *Snapshot) error {
	var rows []antiVirusProduct
	// "." names this computer; a nil server name is refused by some WMI
	// implementations (Wine) with a type mismatch.
	err := wmi.Query("SELECT displayName, instanceGuid, pathToSignedProductExe, productState FROM AntiVirusProduct", &rows, ".", `root\SecurityCenter2`)
	if err != nil {
		if wmiMissing(err) {
			return fmt.Errorf("Windows Security Center: %w", ErrUnavailable)
		}
		return fmt.Errorf("asking Windows Security Center: %w", err)
	}
	for _, r := range rows {
		out.SecurityCenter = append(out.SecurityCenter, SecurityCenter{
			DisplayName:  r.DisplayName,
			InstanceGUID: r.InstanceGuid,
			ProductExe:   r.PathToSignedProductExe,
			ProductState: r.ProductState,
			State:        DecodeProductState(r.ProductState),
		})
	}
	return nil
}
