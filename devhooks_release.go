//go:build !devhooks

package main

import (
	"context"

	"fyne.io/fyne/v2"

	"transitionhelper/app/service"
	"transitionhelper/app/ui"
)

// devHooks are empty in the release build: it answers to no development
// variable (see devhooks.go, built with -tags devhooks).
type devHooks struct{}

func readDevHooks(*service.Computer, *ui.Config) (devHooks, error) { return devHooks{}, nil }

func (devHooks) beforeWindow(fyne.App, *service.Service) {}

func (devHooks) afterWindow(context.Context, *ui.App, *service.Service) {}
