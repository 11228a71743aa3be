package platform

import (
	"errors"

	"fyne.io/fyne/v2"
)

// errOffline is returned for any attempt to read a web address: Parley never
// touches the network.
var errOffline = errors.New("web addresses are refused: Parley works offline")

// offlineRepository refuses http and https URIs. Fyne registers a repository
// that fetches them over the network; Parley replaces it so that no widget
// can ever load a web address (an image in a document, say).
type offlineRepository struct{}

func (offlineRepository) Exists(fyne.URI) (bool, error)               { return false, errOffline }
func (offlineRepository) Reader(fyne.URI) (fyne.URIReadCloser, error) { return nil, errOffline }
func (offlineRepository) CanRead(fyne.URI) (bool, error)              { return false, errOffline }
func (offlineRepository) Destroy(string)                              {}
