//go:build !windows && !linux && !darwin

package platform

func osProbes() []probe {
	return []probe{{"processes", probeProcesses}}
}
