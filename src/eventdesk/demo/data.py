"""Word lists the reference demo event is composed from (see services.demo).

Plain data only. Frequencies are rough shares of the population, good enough for a realistic mix
at the desk (many 王/李/张, the odd 欧阳 or 𠮷), not census figures.
"""

from __future__ import annotations

# (surname, weight). Heteronym surnames (曾 单 解 仇 区 查 朴) are here on purpose: the desk must
# find 单伟 by "shanwei" as well as "danwei" (domain.names.SURNAME_READINGS); 单 and 解 are
# weighted above their real share so that even a tenth-size build has a few of each.
SURNAMES: tuple[tuple[str, float], ...] = (
    ("王", 7.1), ("李", 7.0), ("张", 6.8), ("刘", 5.4), ("陈", 4.5), ("杨", 3.1), ("黄", 2.2),
    ("赵", 2.0), ("吴", 1.9), ("周", 1.8), ("徐", 1.4), ("孙", 1.3), ("马", 1.2), ("朱", 1.1),
    ("胡", 1.0), ("郭", 0.97), ("何", 0.9), ("高", 0.87), ("林", 0.85), ("罗", 0.8),
    ("郑", 0.77), ("梁", 0.7), ("谢", 0.6), ("宋", 0.6), ("唐", 0.56), ("许", 0.5), ("韩", 0.5),
    ("冯", 0.5), ("邓", 0.5), ("曹", 0.5), ("彭", 0.4), ("曾", 0.4), ("肖", 0.4), ("田", 0.4),
    ("董", 0.35), ("袁", 0.33), ("潘", 0.33), ("于", 0.32), ("蒋", 0.32), ("蔡", 0.31),
    ("余", 0.3), ("杜", 0.3), ("叶", 0.3), ("程", 0.3), ("苏", 0.29), ("魏", 0.29), ("吕", 0.28),
    ("丁", 0.27), ("任", 0.27), ("沈", 0.27), ("姚", 0.26), ("卢", 0.26), ("姜", 0.25),
    ("崔", 0.25), ("钟", 0.24), ("谭", 0.24), ("陆", 0.24), ("汪", 0.23), ("范", 0.23),
    ("金", 0.22), ("石", 0.22), ("廖", 0.22), ("贾", 0.21), ("夏", 0.21), ("韦", 0.21),
    ("付", 0.2), ("方", 0.2), ("白", 0.2), ("邹", 0.2), ("孟", 0.19), ("熊", 0.19), ("秦", 0.19),
    ("邱", 0.18), ("江", 0.18), ("尹", 0.18), ("薛", 0.17), ("闫", 0.17), ("段", 0.17),
    ("雷", 0.17), ("侯", 0.16), ("龙", 0.16), ("史", 0.16), ("陶", 0.15), ("黎", 0.15),
    ("贺", 0.15), ("顾", 0.15), ("毛", 0.14), ("郝", 0.14), ("龚", 0.14), ("邵", 0.14),
    ("万", 0.13), ("钱", 0.13), ("严", 0.13), ("覃", 0.12), ("武", 0.12), ("戴", 0.12),
    ("莫", 0.11), ("孔", 0.11), ("向", 0.11), ("汤", 0.11), ("单", 0.15), ("解", 0.15),
    ("仇", 0.03), ("区", 0.02), ("查", 0.03), ("朴", 0.03), ("盖", 0.02), ("乐", 0.03),
    ("欧阳", 0.04), ("司马", 0.01), ("上官", 0.01), ("诸葛", 0.01), ("尉迟", 0.005),
    ("长孙", 0.005),
)

# Characters of given names; a name takes one or two of them.
GIVEN_MALE = (
    "伟 强 磊 军 洋 勇 杰 涛 明 超 刚 平 辉 鹏 华 飞 鑫 波 斌 宇 浩 凯 健 俊 帆 帅 旭 宁 龙 林 "
    "峰 建 国 文 志 海 东 晨 阳 博 昊 然 轩 睿 哲 航 晗 逸 泽 子 一 嘉 思 天 立 新 永 成 亮 "
    "春 德 荣 庆 毅 松 岩 坤 彬 翔 振 威 豪 锋 琦 彦 朋 健 诚 栋 铭 皓 煜 瑞 宏 晓"
).split()
GIVEN_FEMALE = (
    "芳 娜 敏 静 丽 艳 娟 霞 秀 英 玲 燕 萍 红 婷 雪 琳 晶 慧 颖 倩 洁 琴 云 莉 兰 佳 悦 欣 "
    "怡 萱 涵 雨 梦 诗 琪 瑶 璐 蕾 薇 妍 晴 彤 菲 露 月 思 嘉 子 欣 梅 凤 丹 君 楠 宁 岚 "
    "晓 文 婉 馨 蓉 韵 洁 媛 璇 蓓 曼 可 心 若 安 一"
).split()
# Uncommon characters real registrations contain. 䶮 is in CJK Extension A and 𠮷 outside the
# Basic Multilingual Plane: both break fonts and naive string handling, which is the point.
RARE_GIVEN = ("䶮", "堃", "昇", "赟", "𠮷", "喆", "淼", "犇", "玥", "旸", "翀", "燊", "垚",
              "焱", "婧", "珺", "祎", "昉", "彧", "镕")
RARE_SURNAMES = ("𠮷", "亓", "禤", "鄢", "笪", "冼", "佘", "隗")
# Every rare form appears at least once, whatever the sample, so the fonts are exercised.
SHOWCASE_NAMES = ("刘䶮", "王堃", "赵昇", "李赟", "陈𠮷", "𠮷祥云", "曾伟", "单婷", "解晓东",
                  "阿依古丽·买买提", "欧阳晓峰", "尉迟恭明", "朴敏", "查敏")

# Names written with a middle dot (Uyghur, Kazakh, transliterated foreign names).
DOT_GIVEN = ("阿依古丽", "热依拉", "古丽娜扎", "迪丽努尔", "买买提", "艾尔肯", "帕尔哈提",
             "努尔兰", "阿迪力", "米热古丽", "再努尔", "巴哈尔古丽", "阿卜杜拉", "伊力哈木")
DOT_FAMILY = ("买买提", "吐尔逊", "艾合买提", "阿不都", "依明", "艾力", "热合曼", "托合提",
              "司马义", "努尔", "肉孜", "卡德尔")

ENGLISH_GIVEN_F = ("Alice", "Emily", "Grace", "Sophie", "Olivia", "Chloe", "Hannah", "Laura",
                   "Sarah", "Rachel", "Mia", "Anna", "Julia", "Karen", "Linda", "Vivian",
                   "Cindy", "Fiona", "Irene", "Joyce")
ENGLISH_GIVEN_M = ("David", "Michael", "James", "Daniel", "Thomas", "Peter", "Kevin", "Eric",
                   "Jason", "Mark", "Lucas", "Ryan", "Brian", "Steven", "Andrew", "Tony",
                   "Frank", "Henry", "Leo", "Oliver")
# Family names of foreign guests; Hong Kong/Taiwan/Singapore spellings mix in (Alice Wong).
ENGLISH_FAMILY = ("Wong", "Chan", "Lee", "Tan", "Lim", "Ng", "Cheung", "Lau", "Ho", "Tsai",
                  "Smith", "Johnson", "Miller", "Brown", "Davis", "Wilson", "Müller", "Schmidt",
                  "Martin", "Bernard", "Rossi", "Garcia", "Kim", "Park", "Suzuki", "Tanaka",
                  "Nguyen", "Kumar", "Patel", "O'Brien", "Anderson", "Taylor")

MOBILE_PREFIXES = ("130 131 132 133 135 136 137 138 139 150 151 152 153 155 156 157 158 159 166 "
                   "173 175 176 177 180 181 182 183 185 186 187 188 189 191 193 195 198 199"
                   ).split()
PRIVATE_MAIL = (("qq.com", 5), ("163.com", 4), ("126.com", 2), ("foxmail.com", 1),
                ("sina.com", 1), ("outlook.com", 1), ("gmail.com", 1), ("139.com", 1))

PLACES = ("昆山", "苏州", "上海", "南京", "无锡", "常州", "杭州", "合肥", "北京", "深圳",
          "广州", "成都", "武汉", "西安", "天津", "重庆", "青岛", "厦门", "宁波", "东莞",
          "珠海", "长沙", "郑州", "济南", "南通", "嘉兴", "太仓", "张家港")
BRAND_CHARS = ("华 芯 智 云 创 科 达 信 通 海 光 联 睿 思 博 瑞 鼎 恒 泰 讯 腾 航 宇 晶 微 数 算 "
               "天 中 迈 凌 锐 昂 新 源 启 星 辰 远 景 和 嘉 安 宏 盛 德 元 图 灵 视 感 驰 极 "
               "翼 擎 衡 芯 峰 朗 卓 越 捷 坤 澜 曜 维 聚 湃 优 明 钧").split()
# Business part → sector, so a company's name and sector agree.
BUSINESS: tuple[tuple[str, str, str], ...] = (
    ("半导体", "芯片", "Semiconductor"),
    ("微电子", "芯片", "Microelectronics"),
    ("集成电路", "芯片", "Integrated Circuit"),
    ("计算机系统", "服务器", "Computer Systems"),
    ("服务器", "服务器", "Server"),
    ("存储科技", "存储", "Storage Technology"),
    ("数据存储", "存储", "Data Storage"),
    ("网络科技", "网络", "Network Technology"),
    ("通信技术", "网络", "Communication Technology"),
    ("智能科技", "人工智能平台", "Intelligent Technology"),
    ("人工智能科技", "人工智能平台", "Artificial Intelligence Technology"),
    ("大模型科技", "大模型", "Large Model Technology"),
    ("信息技术", "大模型", "Information Technology"),
    ("机器人", "机器人", "Robotics"),
    ("智能装备", "机器人", "Intelligent Equipment"),
    ("软件", "工业软件", "Software"),
    ("工业软件", "工业软件", "Industrial Software"),
    ("信息安全", "信息安全", "Information Security"),
    ("自动化设备", "智能制造", "Automation Equipment"),
    ("精密机械", "智能制造", "Precision Machinery"),
    ("光电科技", "智能制造", "Optoelectronic Technology"),
    ("数据科技", "数据中心", "Data Technology"),
    ("云计算", "数据中心", "Cloud Computing"),
    ("电子科技", "行业应用", "Electronic Technology"),
    ("数字科技", "行业应用", "Digital Technology"),
)
LEGAL_FORMS = (("有限公司", 0.7), ("股份有限公司", 0.2), ("有限责任公司", 0.1))
SECTOR_HALL = {
    "芯片": "A1", "服务器": "A2", "存储": "A2", "网络": "A3", "数据中心": "A3",
    "人工智能平台": "A4", "大模型": "A4", "机器人": "B1", "工业软件": "B2", "信息安全": "B2",
    "智能制造": "B3", "行业应用": "B4",
}
HALLS = ("A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4")

# Firms the seed article names, as it names them (full name where it gives one), with a sector.
# They take the large booths at the front of their halls.
ARTICLE_FIRMS: tuple[tuple[str, str, str, str], ...] = (
    # (name_zh, short_name, sector, name_en)
    ("中科可控信息产业有限公司", "中科可控", "服务器", "Zhongke Kekong Information Industry Co., Ltd."),
    ("海光信息技术股份有限公司", "海光信息", "芯片", "Hygon Information Technology Co., Ltd."),
    ("曙光信息产业股份有限公司", "中科曙光", "服务器", "Sugon Information Industry Co., Ltd."),
    ("中科寒武纪科技股份有限公司", "寒武纪", "芯片", "Cambricon Technologies Corporation Limited"),
    ("阿丘科技", "阿丘科技", "人工智能平台", "Aqrose Technology"),
    ("中科晶上", "中科晶上", "网络", ""),
    ("昆高新芯", "昆高新芯", "芯片", ""),
    ("脉塔智能", "脉塔智能", "机器人", ""),
    ("友达光电（昆山）有限公司", "友达光电", "智能制造", "AUO (Kunshan) Co., Ltd."),
    ("博浩智算", "博浩智算", "数据中心", ""),
    ("世纪互联", "世纪互联", "数据中心", "VNET Group"),
    ("立讯精密工业股份有限公司", "立讯", "智能制造", "Luxshare Precision Industry Co., Ltd."),
    ("富士康", "富士康", "智能制造", "Foxconn"),
    ("南亚", "南亚", "智能制造", ""),
    ("清陶能源", "清陶", "行业应用", ""),
    ("万服云联", "万服云联", "行业应用", ""),
    ("全球数字创新港", "数字创新港", "行业应用", "Global Digital Innovation Port"),
)

TITLES = {
    "exhibitor": (("销售经理", 8), ("销售总监", 3), ("市场经理", 4), ("产品经理", 4),
                  ("解决方案架构师", 3), ("售前工程师", 5), ("工程师", 6), ("高级工程师", 3),
                  ("技术总监", 2), ("总经理", 1), ("副总经理", 1), ("区域经理", 3),
                  ("商务经理", 3), ("市场专员", 4), ("展台接待", 3), ("客户经理", 4)),
    "visitor": (("工程师", 10), ("高级工程师", 4), ("IT经理", 3), ("采购经理", 3),
                ("项目经理", 4), ("架构师", 3), ("运维工程师", 3), ("研究员", 2), ("教授", 1),
                ("博士研究生", 2), ("学生", 3), ("总经理", 2), ("技术总监", 2), ("CIO", 1),
                ("数据科学家", 1), ("投资经理", 1), ("", 6)),
    "speaker": (("首席科学家", 2), ("董事长", 1), ("CTO", 2), ("副总裁", 2), ("教授", 3),
                ("院长", 1), ("研究员", 2), ("总经理", 1), ("首席架构师", 1), ("主任", 1)),
    "media": (("记者", 6), ("编辑", 3), ("主编", 1), ("摄影记者", 2), ("主持人", 1), ("撰稿人", 1)),
    "vip": (("董事长", 3), ("总裁", 2), ("局长", 1), ("主任", 1), ("秘书长", 1), ("院士", 1),
            ("副总裁", 2)),
    "staff": (("志愿者", 6), ("会务组", 3), ("注册台", 3), ("技术支持", 1), ("安保", 1),
              ("现场导引", 2)),
}
MEDIA = ("新华社", "人民网", "新华日报", "昆山日报", "苏州日报", "第一财经", "财新", "澎湃新闻",
         "界面新闻", "21世纪经济报道", "经济观察报", "中国电子报", "36氪", "钛媒体", "IT之家",
         "雷锋网", "机器之心", "量子位", "CSDN", "InfoQ", "昆山广播电视台", "电子工程专辑")
INSTITUTIONS = ("清华大学", "北京大学", "南京大学", "东南大学", "苏州大学", "浙江大学", "复旦大学",
                "上海交通大学", "中国科学技术大学", "中国科学院计算技术研究所", "昆山杜克大学",
                "西交利物浦大学", "中国信息通信研究院", "江苏省产业技术研究院")
VIP_ORGS = ("昆山市人民政府", "昆山高新区管委会", "苏州市工业和信息化局", "光合组织",
            "江苏省工业和信息化厅", "中国电子工业标准化技术协会")
STAFF_ORGS = ("光合组织大会组委会", "昆山国际会展中心")
NOTES = ("素食", "需要无障碍通道", "需开增值税发票", "清真餐", "携带演示设备", "下午到场")

ROOM_GROUPS = (("A馆二层会议区", "A", "2F", 12), ("A馆三层会议区", "A", "3F", 10),
               ("B馆二层会议区", "B", "2F", 10), ("B馆洽谈区", "B", "1F", 4))
TRACKS = (("开放计算生态", "#4a6fa5"), ("算力基础设施", "#2e8b57"), ("芯片与先进计算", "#c0504d"),
          ("大模型与智能体", "#8064a2"), ("人工智能+制造", "#f79646"),
          ("具身智能与机器人", "#4bacc6"), ("数据中心与绿色算力", "#9bbb59"),
          ("数据与安全", "#7f6084"), ("行业应用", "#d99694"), ("产教融合与人才", "#948a54"))
# (forum topic, its track in TRACKS)
FORUM_TOPICS = (("开放计算", "开放计算生态"), ("开源生态", "开放计算生态"),
                ("智算中心建设", "算力基础设施"), ("算力网络", "算力基础设施"),
                ("国产算力", "芯片与先进计算"), ("边缘计算", "芯片与先进计算"),
                ("大模型训练与推理", "大模型与智能体"), ("AI for Science", "大模型与智能体"),
                ("工业视觉", "人工智能+制造"), ("智能制造", "人工智能+制造"),
                ("具身智能", "具身智能与机器人"), ("人形机器人", "具身智能与机器人"),
                ("液冷数据中心", "数据中心与绿色算力"), ("新能源", "数据中心与绿色算力"),
                ("数据要素", "数据与安全"), ("AI安全", "数据与安全"), ("信创", "数据与安全"),
                ("金融科技", "行业应用"), ("智慧医疗", "行业应用"), ("智慧城市", "行业应用"),
                ("产教融合", "产教融合与人才"))
TECH = ("大模型", "智能体", "异构计算", "液冷", "RDMA网络", "分布式存储", "AI芯片", "工业视觉",
        "数字孪生", "多模态", "向量数据库", "RISC-V", "知识图谱", "具身智能", "强化学习",
        "高性能计算", "容器云", "低代码", "隐私计算", "智算调度")
SCENES = ("金融", "制造", "医疗", "能源", "交通", "政务", "教育", "零售", "半导体制造",
          "消费电子", "汽车", "城市治理")
TALK_TEMPLATES = ("{tech}在{scene}行业的落地实践", "面向{scene}场景的{tech}架构演进",
                  "{tech}：从实验室到产线", "基于国产算力的{tech}优化", "{tech}与{tech2}的融合创新",
                  "{scene}行业{tech}应用案例分享", "{tech}的性能调优与工程化",
                  "构建开放的{tech}生态", "{topic}：{tech}的实践与思考",
                  "{topic}中的{tech}关键技术", "{topic}的{tech}解决方案")
PANEL_TEMPLATES = ("圆桌对话：{topic}的下一个五年", "圆桌对话：{topic}如何赋能千行百业",
                   "圆桌对话：{topic}的机遇与挑战")
KEYNOTES = ("开幕致辞", "开放计算，共建智能未来", "人工智能+：昆山制造的新质生产力",
            "光合组织五年生态建设回顾", "算力基础设施的发展趋势", "大模型时代的芯片创新",
            "从芯片到应用的全栈开放", "人工智能产业集群发展报告", "智能制造的下一站",
            "开放生态与标准共建", "AI赋能城市治理", "智算中心建设的昆山实践")
