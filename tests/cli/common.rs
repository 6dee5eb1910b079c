//! Helpers shared by the modules of the CLI test binary.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Copies a fixture folder, leaving out a site published in it by hand
/// (`public/`): the tests must not depend on what a developer rendered.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_entry(|e| e.depth() != 1 || e.file_name() != "public")
    {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).unwrap();
        } else {
            std::fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

/// A copy of `from` ([`copy_dir`]) in a new temporary folder.
pub fn copy_of(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(from, dir.path());
    dir
}

/// The real binary, run by [`isolate`]d rules.
pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_reunion"));
    isolate(&mut cmd);
    cmd
}

/// The environment every run of the binary gets, also when it is started
/// through another program (GNU time, another user): no colours, no width
/// from the terminal, and its cache of records under the build folder
/// rather than the user's; never in the mode where it completes a command
/// line for the shell.
pub fn isolate(cmd: &mut Command) -> &mut Command {
    cmd.env("NO_COLOR", "1")
        .env_remove("COLUMNS")
        .env_remove("REUNION_COMPLETE")
        .env(
            "XDG_CACHE_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache"),
        )
}

/// A fixture folder under `tests/fixtures/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The shipped example folder.
pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/irev")
}

/// The configuration of a small folder: two territories, one network.
pub const CONFIG: &str = "organisation:\n  nom: Essai\nterritoires: [Lille, Roubaix]\nreseaux:\n  - id: ce\n    nom: Cités éducatives\n";

/// A folder with [`CONFIG`] and these `(file name, text)` records.
pub fn folder_with(records: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("reunion.yaml"), CONFIG).unwrap();
    std::fs::create_dir(dir.path().join("reunions")).unwrap();
    for (name, body) in records {
        std::fs::write(dir.path().join("reunions").join(name), body).unwrap();
    }
    dir
}

/// The three fields every record needs.
pub fn record(date: &str, titre: &str) -> String {
    format!("titre: {titre}\ndate: {date}\nmodalite: visio\n")
}

/// `reunion -C dir args…`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    bin()
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .expect("reunion runs")
}

/// Standard output of `reunion -C dir args…`, which must succeed.
pub fn ok(dir: &Path, args: &[&str]) -> String {
    let out = run(dir, args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// `cmd -C dir render --sortie out`: a publication, whoever runs it (the
/// binary itself, or through a shell, another user, a limit).
pub fn render_args<'c>(cmd: &'c mut Command, dir: &Path, out: &Path) -> &'c mut Command {
    cmd.arg("-C")
        .arg(dir)
        .arg("render")
        .arg("--sortie")
        .arg(out)
}

/// Publishes `dir` into `out` with the `extra` options; it must succeed.
pub fn render_to(dir: &Path, out: &Path, extra: &[&str]) -> Output {
    let output = render_args(&mut bin(), dir, out)
        .args(extra)
        .output()
        .expect("reunion runs");
    assert!(
        output.status.success(),
        "render failed: {}",
        text(&output.stderr)
    );
    output
}

/// Runs `cmd`, killing it past `bound` so that a hang fails the test
/// instead of stopping the run (a hang check, not a speed test). The pipes
/// are read while it runs: a large output must not block it.
pub fn run_bounded(cmd: &mut Command, bound: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("reunion runs");
    let stdout = child.stdout.take().unwrap();
    let stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || std::io::read_to_string(stdout).unwrap());
    let err_reader = std::thread::spawn(move || std::io::read_to_string(stderr).unwrap());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > bound {
            let _ = child.kill();
            panic!("{cmd:?} tourne encore après {bound:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: out_reader.join().unwrap().into_bytes(),
        stderr: err_reader.join().unwrap().into_bytes(),
    }
}

/// `(fichier, message)` of every diagnostic in the JSON report of `check`.
pub fn diagnostics(json: &[u8]) -> Vec<(String, String)> {
    let report: serde_json::Value = serde_json::from_slice(json).expect("a JSON report");
    report["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .map(|d| {
            (
                d["fichier"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A YAML document whose aliases expand to 9^26 values when followed: the
/// parser must refuse it, not build it. `first` opens the first line
/// (`titre:` to make it a record's field).
pub fn alias_bomb(first: &str) -> String {
    let mut bomb = format!(
        "{first} &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    );
    let mut prev = 'a';
    for c in 'b'..='z' {
        let refs = vec![format!("*{prev}"); 9].join(",");
        bomb.push_str(&format!("{c}: &{c} [{refs}]\n"));
        prev = c;
    }
    bomb
}

/// Every file under `dir`, relative path (with `/`) → bytes; a link is not
/// followed but listed as `-> target`; no folder, no file.
pub fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    if !dir.exists() {
        return BTreeMap::new();
    }
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| !e.file_type().is_dir())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            let name = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let bytes = if e.path_is_symlink() {
                format!("-> {}", std::fs::read_link(e.path()).unwrap().display()).into_bytes()
            } else {
                std::fs::read(e.path()).unwrap()
            };
            (name, bytes)
        })
        .collect()
}

/// Output bytes as text; the tool writes UTF-8 only.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A child process whose standard error is read line by line in a thread.
pub struct Suivi {
    /// The process.
    pub child: Child,
    lines: mpsc::Receiver<String>,
    /// Standard error so far.
    pub seen: String,
}

impl Suivi {
    /// Starts `cmd`, its standard output and error piped.
    pub fn spawn(mut cmd: Command) -> Suivi {
        let mut child = cmd
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("reunion starts");
        let (tx, lines) = mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Suivi {
            child,
            lines,
            seen: String::new(),
        }
    }

    /// Waits (at most a minute: a loaded machine is slow, never this slow)
    /// for a line of standard error holding `what`.
    pub fn wait_for(&mut self, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(60);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push_str(&line);
                    self.seen.push('\n');
                    if line.contains(what) {
                        return;
                    }
                }
                Err(_) => break,
            }
        }
        panic!("« {what} » never came; standard error:\n{}", self.seen);
    }
}

impl Drop for Suivi {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
