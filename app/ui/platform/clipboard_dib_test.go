package platform

import (
	"image"
	"testing"
)

func TestDIB(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 3, 2))
	img.Pix[0], img.Pix[1], img.Pix[2], img.Pix[3] = 10, 20, 30, 255 // top left
	b := dib(img)
	stride := 12 // 3 pixels × 3 bytes, padded to 4
	if len(b) != dibHeaderSize+2*stride {
		t.Fatalf("%d bytes", len(b))
	}
	if b[0] != 40 || b[4] != 3 || b[8] != 2 || b[14] != 24 {
		t.Errorf("header % x", b[:16])
	}
	// Bottom-up: the top row comes last, in BGR order.
	if top := b[dibHeaderSize+stride:]; top[0] != 30 || top[1] != 20 || top[2] != 10 {
		t.Errorf("top-left pixel % x", top[:3])
	}
}
