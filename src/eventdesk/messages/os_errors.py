"""The operating system's reasons a file cannot be read or written, in the chosen language.

An OSError carries the system's own sentence (`strerror`: "Not a directory"), in the system's
language and not the program's; `reason(exc)` words the common errno values from the catalogue
below (code -> (zh, en)) and falls back to the system's sentence for any other value (shown as
it is: better than nothing) or to the error's class name when it has none.
"""

from __future__ import annotations

import errno

CATALOGUE: dict[str, tuple[str, str]] = {
    "os_error.not_found": ("文件或文件夹不存在", "No such file or folder"),
    "os_error.permission_denied": ("没有权限", "Permission denied"),
    "os_error.not_permitted": ("不允许此操作", "Operation not permitted"),
    "os_error.disk_full": ("磁盘空间已满", "The disk is full"),
    "os_error.quota_exceeded": ("超出磁盘配额", "The disk quota is exceeded"),
    "os_error.is_a_directory": ("这是一个文件夹，不是文件", "It is a folder, not a file"),
    "os_error.not_a_directory": ("路径中的某一部分不是文件夹",
                                 "A part of the path is not a folder"),
    "os_error.read_only": ("文件系统是只读的", "The file system is read-only"),
    # Met mostly when a folder of the path is to be made where a file of that name stands.
    "os_error.exists": ("已有同名的文件或文件夹", "A file or folder of that name already exists"),
    "os_error.name_too_long": ("文件名太长", "The file name is too long"),
    "os_error.busy": ("文件或设备正被占用", "The file or device is busy"),
    "os_error.text_busy": ("文件正被运行中的程序使用", "The file is in use by a running program"),
    "os_error.io": ("读写设备出错（输入/输出错误）",
                    "A read or write error on the device (I/O error)"),
    "os_error.too_many_open": ("打开的文件太多", "Too many open files"),
    "os_error.not_empty": ("文件夹不是空的", "The folder is not empty"),
    "os_error.cross_device": ("不能跨磁盘移动", "Cannot move across disks"),
    "os_error.file_too_large": ("文件太大", "The file is too large"),
    "os_error.loop": ("符号链接层数太多（循环链接？）",
                      "Too many levels of symbolic links (a loop?)"),
    "os_error.invalid": ("参数无效（文件名中可能有不允许的字符）",
                         "Invalid argument (the file name may hold a character that is not "
                         "allowed)"),
}

# errno name -> code; a name this system's errno lacks (EDQUOT, ETXTBSY on Windows) is skipped.
_BY_NAME = {
    "ENOENT": "os_error.not_found",
    "EACCES": "os_error.permission_denied",
    "EPERM": "os_error.not_permitted",
    "ENOSPC": "os_error.disk_full",
    "EDQUOT": "os_error.quota_exceeded",
    "EISDIR": "os_error.is_a_directory",
    "ENOTDIR": "os_error.not_a_directory",
    "EROFS": "os_error.read_only",
    "EEXIST": "os_error.exists",
    "ENAMETOOLONG": "os_error.name_too_long",
    "EBUSY": "os_error.busy",
    "ETXTBSY": "os_error.text_busy",
    "EIO": "os_error.io",
    "EMFILE": "os_error.too_many_open",
    "ENFILE": "os_error.too_many_open",
    "ENOTEMPTY": "os_error.not_empty",
    "EXDEV": "os_error.cross_device",
    "EFBIG": "os_error.file_too_large",
    "ELOOP": "os_error.loop",
    "EINVAL": "os_error.invalid",
}
CODES: dict[int, str] = {getattr(errno, name): code for name, code in _BY_NAME.items()
                         if hasattr(errno, name)}


def reason_code(exc: OSError) -> str | None:
    """The catalogue code for `exc`'s errno; None for an errno not listed (or none at all)."""
    return CODES.get(exc.errno) if isinstance(exc.errno, int) else None
