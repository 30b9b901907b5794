//! Filling a frame with a picture: scaled to cover it, keeping its aspect ratio, and cropped
//! to it, with the part named by its focus kept in view (a cover photograph, a portrait).

use crate::geom::{Point, Rect, Size};
use crate::model::Focus;

/// Where to draw a picture of `intrinsic` size to cover `frame` (page coordinates): its
/// top-left corner, its drawn size, and the crop (relative to that corner) that is the
/// frame.
pub fn fill(intrinsic: Size, focus: Focus, frame: Rect) -> (Point, Size, Rect) {
    let scale = (frame.size.w.to_pt() / intrinsic.w.to_pt().max(1.0))
        .max(frame.size.h.to_pt() / intrinsic.h.to_pt().max(1.0));
    let size = Size::new(intrinsic.w * scale, intrinsic.h * scale);
    let (fx, fy) = match focus {
        Focus::Centre => (0.5, 0.5),
        Focus::Top => (0.5, 0.0),
        Focus::Bottom => (0.5, 1.0),
        Focus::Left => (0.0, 0.5),
        Focus::Right => (1.0, 0.5),
    };
    let pos = Point::new(
        frame.origin.x - (size.w - frame.size.w) * fx,
        frame.origin.y - (size.h - frame.size.h) * fy,
    );
    let crop = Rect::new(
        frame.origin.x - pos.x,
        frame.origin.y - pos.y,
        frame.size.w,
        frame.size.h,
    );
    (pos, size, crop)
}
