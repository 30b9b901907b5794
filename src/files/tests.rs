use super::*;

/// A fresh folder under the system's temporary folder, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("folio-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("report/images")).unwrap();
        std::fs::create_dir_all(dir.join("outside")).unwrap();
        Self(dir)
    }
    fn report(&self) -> PathBuf {
        self.0.join("report")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_file_inside_the_folder_is_read_once_and_recorded() {
    let s = Scratch::new("inside");
    std::fs::write(s.report().join("images/logo.png"), b"bytes").unwrap();
    let folder = Folder::new(&s.report());
    let a = folder.read("images/logo.png", Kind::Raster).unwrap();
    let b = folder
        .read("./images/../images/logo.png", Kind::Raster)
        .unwrap();
    assert!(Arc::ptr_eq(&a, &b), "the second read is the cached bytes");
    let inputs = folder.inputs();
    assert_eq!(inputs.len(), 1);
    assert!(inputs[0].ends_with("report/images/logo.png"));
}

#[test]
fn paths_leading_outside_are_refused_however_they_are_written() {
    let s = Scratch::new("outside");
    std::fs::write(s.0.join("outside/secret.png"), b"secret").unwrap();
    let folder = Folder::new(&s.report());
    for name in [
        "../outside/secret.png",
        "images/../../outside/secret.png",
        &s.0.join("outside/secret.png").display().to_string(),
    ] {
        assert_eq!(
            folder.read(name, Kind::Raster).unwrap_err(),
            FileError::Outside,
            "{name}"
        );
    }
    // A link inside the folder that points outside is just as far out.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(s.0.join("outside/secret.png"), s.report().join("link.png"))
            .unwrap();
        assert_eq!(
            folder.read("link.png", Kind::Raster).unwrap_err(),
            FileError::Outside
        );
    }
}

#[test]
fn a_widened_rule_allows_the_named_folder_only() {
    let s = Scratch::new("allow");
    std::fs::write(s.0.join("outside/brand.ttf"), b"font").unwrap();
    let folder = Folder::new(&s.report()).allow(&s.0.join("outside"));
    assert!(folder.read("../outside/brand.ttf", Kind::Font).is_ok());
}

#[cfg(unix)]
#[test]
fn pipes_folders_devices_and_link_loops_are_refused_without_blocking() {
    let s = Scratch::new("special");
    let fifo = s.report().join("data.csv");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0);
    let folder = Folder::new(&s.report());
    assert_eq!(
        folder.read("data.csv", Kind::Csv).unwrap_err(),
        FileError::NotAFile("a named pipe")
    );
    assert_eq!(
        folder.read("images", Kind::Raster).unwrap_err(),
        FileError::NotAFile("a folder")
    );
    std::os::unix::fs::symlink("b.png", s.report().join("a.png")).unwrap();
    std::os::unix::fs::symlink("a.png", s.report().join("b.png")).unwrap();
    assert_eq!(
        folder.read("a.png", Kind::Raster).unwrap_err(),
        FileError::LinkLoop
    );
    // /dev/zero is outside any report folder; allowed on purpose it is still a device.
    let dev = Folder::new(&s.report()).allow(Path::new("/dev"));
    assert_eq!(
        dev.read("/dev/zero", Kind::Font).unwrap_err(),
        FileError::NotAFile("a device")
    );
    // Listing skips the pipe.
    assert!(folder.list("", &["csv"]).is_empty());
}

#[test]
fn files_over_their_kinds_cap_are_refused_before_they_are_read() {
    let s = Scratch::new("cap");
    let f = File::create(s.report().join("big.csv")).unwrap();
    f.set_len(Kind::Csv.cap() + 1).unwrap();
    let folder = Folder::new(&s.report());
    assert!(matches!(
        folder.read("big.csv", Kind::Csv),
        Err(FileError::TooLarge { .. })
    ));
}

#[test]
fn a_misspelt_path_gets_the_closest_existing_one() {
    let s = Scratch::new("suggest");
    std::fs::write(s.report().join("images/volunteers.png"), b"x").unwrap();
    let folder = Folder::new(&s.report());
    assert_eq!(
        folder
            .read("images/volunters.png", Kind::Raster)
            .unwrap_err(),
        FileError::NotFound {
            suggestion: Some("images/volunteers.png".into())
        }
    );
    assert_eq!(
        folder
            .read("imagse/volunteers.png", Kind::Raster)
            .unwrap_err(),
        FileError::NotFound {
            suggestion: Some("images/volunteers.png".into())
        }
    );
    assert_eq!(
        folder
            .read("nothing/like/it.png", Kind::Raster)
            .unwrap_err(),
        FileError::NotFound { suggestion: None }
    );
    // The path looked for is recorded, so watching sees it appear.
    assert!(
        folder
            .inputs()
            .iter()
            .any(|p| p.ends_with("nothing/like/it.png"))
    );
}

#[test]
fn messages_name_the_key_and_never_the_system_error_number() {
    let d = FileError::NotFound {
        suggestion: Some("images/volunteers.png".into()),
    }
    .diagnostic("file", "images/volunters.png", Kind::Raster, Some(0..1));
    assert_eq!(
        d.message,
        "`file`: there is no image `images/volunters.png` in the report's folder"
    );
    assert_eq!(
        d.label.as_deref(),
        Some("did you mean `images/volunteers.png`?")
    );
    let e = std::io::Error::from_raw_os_error(libc::EIO);
    assert!(!words(&e).contains("os error"), "{}", words(&e));
}

#[test]
fn the_same_file_decoded_twice_is_decoded_once() {
    let s = Scratch::new("decoded");
    std::fs::write(s.report().join("a.png"), b"x").unwrap();
    let folder = Folder::new(&s.report());
    let path = folder.resolve(folder.root(), "a.png").unwrap();
    let mut runs = 0;
    let a = folder.decoded(&path, "test", || {
        runs += 1;
        7u32
    });
    let b = folder.decoded(&path, "test", || {
        runs += 1;
        8u32
    });
    assert_eq!((*a, *b, runs), (7, 7, 1));
}
